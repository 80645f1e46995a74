package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.Interop;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.PythonAvailable;

/**
 * The course's Python client ({@code interop/course_miner.py}, with {@code requests}) mines on our node
 * unchanged, in every ledger mode: it computes block strings with CPython's json.dumps, so every coin it earns
 * proves compatibility. The node runs at 4 hex zeros here so that Python earns coins within seconds; it stops at its
 * third coin.
 */
class CourseMinerCompatibilityTest {

    @BeforeAll
    static void pythonWithRequests() throws Exception {
        PythonAvailable.assume("requests");
    }

    @ParameterizedTest(name = "node.ledger={0}")
    @ValueSource(strings = {"balances", "open", "signed"})
    void courseMinerEarnsCoinsWithItsIdAsWritten(String ledger, @TempDir Path workDir) throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=4", "node.ledger=" + ledger)) {
            // like the course: the id is read with f.read(), trailing newline included
            Files.writeString(workDir.resolve("my_id.txt"), "py-miner\n");
            Process miner = new ProcessBuilder(Interop.python(), Interop.script("course_miner.py").toString(),
                    node.url, "--zeros", "4", "--coins", "3", "--seconds", "60")
                    .directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(miner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(miner.waitFor(90, TimeUnit.SECONDS)).as("course_miner.py ends by itself").isTrue();
            assertThat(miner.exitValue()).as(output).isZero();

            List<String> lines = output.lines().toList();
            String last = lines.getLast();
            assertThat(last).as(output).startsWith("coins: ");
            int coins = Integer.parseInt(last.substring("coins: ".length()));
            System.out.println("course_miner.py against our node (" + ledger + "), at 4 hex zeros: " + last);
            assertThat(coins).as(output).isEqualTo(3);
            assertThat(output).doesNotContain("non-JSON");

            Chain chain = node.chain();
            long rewarded = chain.blocks().stream().skip(1)
                    .filter(b -> b.block().transactions().getLast().equals(Transaction.reward("py-miner\n"))).count();
            assertThat(rewarded).isEqualTo(coins);
            ChainAssertions.assertValid(chain, new ProofRule(4));
        }
    }
}
