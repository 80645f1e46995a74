package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.blockmine.miner.MiningLoop;
import dev.blockmine.miner.MiningSummary;
import dev.blockmine.miner.NodeClient;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;
import dev.blockmine.pow.search.DigestProofSearch;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;

/**
 * The real miner against the real node on a random port, mining real 6-zero blocks with its default engine (auto: the
 * vector lanes where the JVM has them, as {@code client-miner.jar} mines).
 */
class EndToEndMiningTest extends NodeOnRandomPort {

    @Test
    void minerMinesRealSixZeroBlocksAndCountsItsCoins() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int before = chain.blocks().size();
        MiningSummary summary;
        try (ProofSearch search = Engines.proofSearch(EngineKind.AUTO, Runtime.getRuntime().availableProcessors())) {
            MiningLoop loop = new MiningLoop(new NodeClient(url(), Duration.ofSeconds(10)), search,
                    ProofRule.COURSE, "e2e-miner", Duration.ofSeconds(1), 2, new PrintStream(output, true, StandardCharsets.UTF_8))
                    .verifyingChain();
            summary = loop.run();
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(summary.blocksWon()).isEqualTo(2);
        assertThat(summary.coins()).isEqualTo(2);
        assertThat(summary.proofsTried()).isPositive();
        assertThat(printed).doesNotContain("Refusing").contains("proof of work started").contains("Proof of work finished")
                .contains("200 \"New Block Forged\"").contains("Coins: 1").contains("Coins: 2");
        assertThat(chain.blocks()).hasSize(before + 2);
        assertThat(chain.tip().block().transactions()).containsExactly(Transaction.reward("e2e-miner"));
        ChainAssertions.assertValid(chain, ProofRule.COURSE);
    }

    @Test
    void minerDropsABlockThatSomeoneElseForged() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String tip = chain.tip().blockString();
        // the miner believes the node wants 9 zeros, so it will not finish before the node moves on
        try (DigestProofSearch search = new DigestProofSearch(1)) {
            MiningLoop loop = new MiningLoop(new NodeClient(url(), Duration.ofSeconds(10)), search,
                    new ProofRule(9), "slow-miner", Duration.ofMillis(200), 0, new PrintStream(output, true, StandardCharsets.UTF_8));
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            awaitOutput(output, "proof of work started");
            long proof;
            try (ProofSearch rival = Engines.proofSearch(EngineKind.AUTO, 1)) {
                proof = rival.search(tip, ProofRule.COURSE, new SearchControl()).orElseThrow();
            }
            assertThat(forge.submit(BigInteger.valueOf(proof), "someone-else")).isInstanceOf(Submission.Forged.class);
            awaitOutput(output, "was forged by someone else");
            loop.stop();
            MiningSummary summary = running.get(10, TimeUnit.SECONDS);
            assertThat(summary.coins()).isZero();
        }
    }

    private static void awaitOutput(ByteArrayOutputStream output, String text) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(output.toString(StandardCharsets.UTF_8)).contains(text));
    }
}
