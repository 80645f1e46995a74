package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blockmine.node.GenesisThenStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.binary.Frame;

/**
 * A valid nonce whose block cannot be stored gets no A either way, but the log tells a store failure (the database
 * away: a warning with its causes) from a bug of ours (an error with its stack trace).
 */
class StoreFailureTest {

    private static final int BITS = 8;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MinerConnection.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aStoreFailureIsAWarningWithItsCause() {
        ILoggingEvent event = winWith(() -> new DataAccessResourceFailureException("cannot get a connection",
                new java.net.ConnectException("Connection refused")));
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).contains("could not store its block")
                .contains("cannot get a connection: Connection refused");
        assertThat(event.getThrowableProxy()).isNull();
    }

    @Test
    void aBugIsAnErrorWithItsStackTrace() {
        ILoggingEvent event = winWith(() -> new NullPointerException("a bug"));
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getThrowableProxy()).isNotNull();
        assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
    }

    /** A miner sends a valid nonce to a node whose store throws {@code failure}: closed without A; the log line. */
    private ILoggingEvent winWith(Supplier<RuntimeException> failure) {
        Chain chain = new Chain(Clock.systemUTC(), 100, new FailingStore(failure), List.of());
        JobBoard board = new JobBoard(chain, BinaryDifficulty.fixed(chain, BITS), 1 << 20, false);
        TcpMiningServer server = new TcpMiningServer(board, TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(60)).build());
        server.start();
        try (RawMiner miner = new RawMiner(server.port())) {
            Frame.Task task = miner.ask("ana");
            miner.send(new Frame.Solution(task.txn(), RawMiner.validNonce(task, 0)));
            assertThat(miner.readUntilQuiet(10_000)).doesNotContain(new Frame.Accepted(task.txn()));
            await().atMost(Duration.ofSeconds(10)).until(() -> logged.list.stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)));
            assertThat(chain.blocks()).hasSize(1);
            return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).findFirst().orElseThrow();
        } finally {
            server.stop();
            board.close();
        }
    }

    /** Holds the genesis block; every later append throws. */
    private static final class FailingStore extends GenesisThenStore {

        private final Supplier<RuntimeException> failure;

        FailingStore(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        protected void later(SealedBlock block) {
            throw failure.get();
        }
    }
}
