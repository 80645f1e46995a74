package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.blockmine.pow.PythonAvailable;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.Interop;

/**
 * The independent Python miner ({@code interop/binary_miner.py}: struct + hashlib) wins jobs on our
 * node: every A it gets proves our frames, job data and rule agree with CPython's reading of the spec.
 */
class PythonMinerInteropTest {

    private static final int BITS = 12; // pure Python: about 4,000 tries a job

    private final TcpNode node = new TcpNode(BITS, Duration.ofSeconds(30));

    @BeforeAll
    static void python() throws Exception {
        PythonAvailable.assume();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void thePythonReferenceMinerWinsJobsOnOurNode() throws Exception {
        Process miner = new ProcessBuilder(Interop.python(), Interop.script("binary_miner.py").toString(),
                "127.0.0.1", String.valueOf(node.port()), "--name", "pyminer", "--jobs", "3", "--seconds", "40")
                .redirectErrorStream(true).start();
        String output = new String(miner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(miner.waitFor(60, TimeUnit.SECONDS)).as("binary_miner.py ends by itself").isTrue();
        assertThat(miner.exitValue()).as(output).isZero();
        assertThat(output.lines().toList().getLast()).as(output).isEqualTo("won: 3 lost: 0 rejected: 0");

        assertThat(node.chain.blocks()).hasSize(4);
        assertThat(node.chain.blocks().subList(1, 4))
                .allSatisfy(b -> assertThat(b.block().transactions()).containsExactly(Transaction.reward("pyminer")));
        ChainAssertions.assertValid(node.chain, ProofRule.COURSE, BITS);
    }
}
