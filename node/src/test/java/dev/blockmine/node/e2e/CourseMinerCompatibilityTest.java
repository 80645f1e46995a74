package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.PythonAvailable;
import dev.blockmine.pow.Interop;

/**
 * The course's Python client ({@code interop/course_miner.py}, with {@code requests}) mines on our node
 * unchanged: it computes block strings with CPython's json.dumps, so every coin it earns proves compatibility.
 * The node runs at 4 hex zeros here so that Python earns coins within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "node.difficulty=4")
class CourseMinerCompatibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    Chain chain;

    @BeforeAll
    static void pythonWithRequests() throws Exception {
        PythonAvailable.assume("requests");
    }

    @Test
    void courseMinerEarnsCoinsWithItsIdAsWritten(@TempDir Path workDir) throws Exception {
        // like the course: the id is read with f.read(), trailing newline included
        Files.writeString(workDir.resolve("my_id.txt"), "py-miner\n");
        Process miner = new ProcessBuilder(Interop.python(), Interop.script("course_miner.py").toString(),
                "http://127.0.0.1:" + port, "--zeros", "4", "--seconds", "8")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(miner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(miner.waitFor(60, TimeUnit.SECONDS)).as("course_miner.py ends by itself").isTrue();
        assertThat(miner.exitValue()).as(output).isZero();

        List<String> lines = output.lines().toList();
        String last = lines.getLast();
        assertThat(last).as(output).startsWith("coins: ");
        int coins = Integer.parseInt(last.substring("coins: ".length()));
        System.out.println("course_miner.py against our node, 8 s at 4 hex zeros: " + last);
        assertThat(coins).as(output).isPositive();
        assertThat(output).doesNotContain("non-JSON");

        long rewarded = chain.blocks().stream().skip(1)
                .filter(b -> b.block().transactions().getLast().equals(Transaction.reward("py-miner\n"))).count();
        assertThat(rewarded).isEqualTo(coins);
        ChainAssertions.assertValid(chain, new ProofRule(4));
    }
}
