package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.StallingStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.LedgerRule;
import dev.blockmine.node.chain.MemoryPendingPool;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.binary.Frame;

/**
 * A won job's block stalls in the store (a disk or database that does not answer) while it holds the chain's lock:
 * another miner's G is still answered with a job. Before the G read the chain without its lock, it waited for as long
 * as the store did.
 */
class StalledStoreTcpTest {

    private static final int BITS = 8;

    @Test
    void aGIsAnsweredWhileAWinningBlockStallsInTheStore() throws Exception {
        StallingStore store = new StallingStore();
        Chain chain = new Chain(Clock.systemUTC(), new MemoryPendingPool(100, 100), store, List.of(), LedgerRule.OPEN,
                Chain.LOCK_WAIT);
        JobBoard board = new JobBoard(chain, BinaryDifficulty.fixed(chain, BITS), 1 << 20, false);
        TcpMiningServer server = new TcpMiningServer(board, TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(60)).build());
        server.start();
        try (RawMiner winner = new RawMiner(server.port()); RawMiner other = new RawMiner(server.port())) {
            Frame.Task task = winner.ask("ana");
            winner.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, 0)));
            assertThat(store.stalled.await(30, TimeUnit.SECONDS)).as("the winning block reached the store").isTrue();

            other.setReadTimeout(30_000);
            Frame.Task job = other.ask("bob");
            assertThat(job.txn()).as("the open job, the same the winner was given").isEqualTo(task.txn());
            assertThat(chain.blocks()).hasSize(1);

            store.release.countDown();
            winner.setReadTimeout(30_000);
            assertThat(winner.read()).isEqualTo(new Frame.Accepted(task.txn()));
            assertThat(other.read()).as("the other miner is told to stop").isInstanceOf(Frame.Invalidated.class);
            assertThat(chain.blocks()).hasSize(2);
        } finally {
            store.release.countDown();
            server.stop();
            board.close();
        }
    }
}
