package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ForwardingPendingPool;
import dev.blockmine.node.chain.LedgerRule;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.binary.Frame;

/**
 * When the job of a new tip cannot be opened (the pending transactions cannot be read: a database away), the board
 * says so and tries again every second on a thread of its own, and its miners are told I once it opens. Only a lower
 * bound on the wait is asserted: a loaded machine only makes it longer.
 */
class JobRetryTest {

    private static final int BITS = 8;

    @Test
    void theNextJobIsTriedAgainEverySecondUntilItOpens() throws Exception {
        FailingReads pool = new FailingReads();
        Chain chain = new Chain(Clock.systemUTC(), pool, BlockStore.MEMORY, List.of(), LedgerRule.OPEN);
        Logger logger = (Logger) LoggerFactory.getLogger(JobBoard.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (JobBoard board = new JobBoard(chain, BinaryDifficulty.fixed(chain, BITS), 1 << 20, false)) {
            TcpMiningServer server = new TcpMiningServer(board, TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(60)).build());
            server.start();
            try (RawMiner miner = new RawMiner(server.port())) {
                Frame.Task job = miner.ask("tcp");
                NextBlock next = chain.nextBlock();
                pool.failures.set(2); // the board's own read and its first retry fail; the second retry opens the job
                long appended = System.nanoTime();
                SealedBlock block = next.forge(BigInteger.ONE, "http", ProvenBy.HTTP, Clock.systemUTC());
                assertThat(chain.appendOn(next, block, Optional.empty())).isTrue();

                miner.setReadTimeout(30_000);
                assertThat(miner.read()).isEqualTo(new Frame.Invalidated(job.txn()));
                assertThat(Duration.ofNanos(System.nanoTime() - appended)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
                assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                        .hasSize(2).allMatch(line -> line.contains("the pool cannot be read") && line.endsWith("trying again in 1 s"));
                assertThat(miner.ask("tcp").txn()).isNotEqualTo(job.txn());
            } finally {
                server.stop();
            }
        } finally {
            logger.detachAppender(logged);
        }
    }

    /** A pool in memory whose next reads fail, as many as told. */
    private static final class FailingReads extends ForwardingPendingPool {
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public List<Transaction> list() {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the pool cannot be read");
            }
            return super.list();
        }
    }
}
