package dev.blockmine.node.tcp;

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

import dev.blockmine.miner.MiningSummary;
import dev.blockmine.miner.TcpMiningLoop;
import dev.blockmine.node.Forging;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestNonceSearch;

/** The real TCP miner against the real node: wins, drops a job won over HTTP at once, survives a node restart. */
class TcpMinerEndToEndTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void theMinerWinsBlocksThatValidateInTheChain() throws Exception {
        try (TcpNode node = new TcpNode(16, Duration.ofSeconds(30)); DigestNonceSearch search = new DigestNonceSearch(2)) {
            TcpMiningLoop loop = new TcpMiningLoop("127.0.0.1:" + node.port(), search, "e2e", 2, out);
            MiningSummary summary;
            try {
                summary = CompletableFuture.supplyAsync(loop::run).get(60, TimeUnit.SECONDS);
            } finally {
                loop.stop();
            }
            assertThat(summary.blocksWon()).as(printed()).isEqualTo(2);
            assertThat(node.chain.blocks()).hasSize(3);
            assertThat(node.chain.tip().block().transactions()).containsExactly(Transaction.reward("e2e"));
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, 16);
        }
    }

    @Test
    void anHttpWinStopsTheSearchAndTheMinerMovesOnToTheNextJob() throws Exception {
        // 32 zero bits: the miner will not find a nonce during this test; only the I can end its search
        try (TcpNode node = new TcpNode(32, Duration.ofSeconds(30)); DigestNonceSearch search = new DigestNonceSearch(2)) {
            TcpMiningLoop loop = new TcpMiningLoop("127.0.0.1:" + node.port(), search, "e2e", 0, out);
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            try {
                awaitOutput("Job 1: searching nonces");
                Forging.forge(node.chain, BigInteger.ONE, "http-miner");
                awaitOutput("Job 2: searching nonces");
            } finally {
                loop.stop();
            }
            assertThat(running.get(10, TimeUnit.SECONDS).coins()).isZero();
            assertThat(printed()).contains("Job 1: search stopped after")
                    .contains("Job 1 was won by someone else (I); asking for the next job");
            assertThat(loop.lost()).isEqualTo(1);
        }
    }

    @Test
    void theMinerReconnectsWhenTheNodeComesBack() throws Exception {
        int port;
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            TcpMiningLoop loop;
            CompletableFuture<MiningSummary> running;
            try (TcpNode first = new TcpNode(32, Duration.ofSeconds(30))) {
                port = first.port();
                loop = new TcpMiningLoop("127.0.0.1:" + port, search, "phoenix", 1, out);
                running = CompletableFuture.supplyAsync(loop::run);
                awaitOutput("Job 1: searching nonces");
                Forging.forge(first.chain, BigInteger.ONE, "http-miner"); // job 1 is over
                awaitOutput("Job 2: searching nonces");
            } // the node stops: every miner gets Q; the next node numbers its jobs from 1 again
            awaitOutput("Disconnected: the node said Q (shutting down); retrying in 1 s");
            try (TcpNode second = new TcpNode(TcpNode.settings(12).idleTimeout(Duration.ofSeconds(30)).port(port).build())) {
                MiningSummary summary = running.get(60, TimeUnit.SECONDS);
                assertThat(summary.blocksWon()).as(printed()).isEqualTo(1);
                assertThat(second.chain.tip().block().transactions()).containsExactly(Transaction.reward("phoenix"));
            } finally {
                loop.stop(); // a failed wait must not leave the miner running into the next test
            }
        }
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void awaitOutput(String text) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(printed()).contains(text));
    }
}
