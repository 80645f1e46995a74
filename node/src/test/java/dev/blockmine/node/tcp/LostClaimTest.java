package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.pow.binary.Frame;

/**
 * A TCP miner whose valid nonce claims its job in the instant an HTTP miner's block is appended: the claim holds but
 * the chain refuses the block. If it asks again before the job board has heard of the new tip, it is handed that
 * same, now dead, job: it must still be told I for it, like any other holder.
 */
class LostClaimTest {

    private static final int BITS = 8;

    @Test
    void aMinerThatClaimedButLostTheChainRaceIsToldIForTheJobItIsHandedAgain() throws Exception {
        Chain chain = new Chain(Clock.systemUTC(), 100);
        AtomicBoolean holdUp = new AtomicBoolean();
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        chain.listen(ChainListeners.Turn.TARGET, change -> { // ahead of the board: stands for a slow listener or a descheduled appending thread
            if (holdUp.get()) {
                inListener.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (JobBoard board = new JobBoard(chain, BinaryDifficulty.fixed(chain, BITS), 1 << 20, false)) {
            TcpMiningServer server = new TcpMiningServer(board, TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(60)).build());
            server.start();
            try (RawMiner miner = new RawMiner(server.port())) {
                Frame.Task job = miner.ask("tcp");
                holdUp.set(true);
                Thread http = Thread.ofPlatform().start(() -> Forging.forge(chain, BigInteger.ONE, "http"));
                inListener.await(); // the HTTP block is in the chain; the board has not heard yet

                miner.send(new Frame.Solution(job.txn(), RawMiner.validNonce(job, 0)));
                assertThat(miner.read()).as("valid, but the chain moved on").isEqualTo(new Frame.Invalidated(job.txn()));
                assertThat(miner.ask("tcp").txn()).as("handed the dead job again").isEqualTo(job.txn());

                release.countDown();
                http.join();
                assertThat(miner.readUntilQuiet(2_000)).containsExactly(new Frame.Invalidated(job.txn()));
            } finally {
                server.stop();
            }
        }
    }
}
