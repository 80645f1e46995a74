package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blockmine.node.chain.SharedEmptyStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;

/**
 * The follower outlives a failure that is not the database's (a bug in catching up): it logs it with its stack trace
 * and follows again after a back-off, where it used to end for good and leave the replica behind. No PostgreSQL
 * needed: the connection is a stand-in whose LISTEN and notifications do nothing.
 */
class ReplicaFollowerTest {

    @Test
    void aBugWhileCatchingUpIsLoggedAndFollowingGoesOn() {
        SharedStore store = new SharedStore();
        Chain chain = new Chain(Clock.systemUTC(), 100, store, List.of());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ReplicaFollower.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        ReplicaFollower follower = new ReplicaFollower(idleDatabase(), chain, Duration.ofMillis(20));
        store.failNext.set(true);
        follower.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> store.reads.get() >= 3); // failed once, then went on
            ILoggingEvent error = logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
            assertThat(error.getThrowableProxy().getMessage()).isEqualTo("a bug in catching up");
            assertThat(follower.isRunning()).isTrue();
        } finally {
            follower.stop();
            logger.detachAppender(logged);
        }
    }

    /** A store shared by replicas that holds nothing beyond our tip; its next read fails when told to. */
    private static final class SharedStore extends SharedEmptyStore {
        final AtomicBoolean failNext = new AtomicBoolean();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<SealedBlock> blocksAfter(long index) {
            reads.incrementAndGet();
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("a bug in catching up");
            }
            return super.blocksAfter(index);
        }
    }

    /** Connections whose statements do nothing and whose notifications never come (each wait takes 20 ms). */
    private static DataSource idleDatabase() {
        PGConnection notifications = proxy(PGConnection.class, (method, args) -> {
            if (method.equals("getNotifications")) {
                Thread.sleep(20);
                return new PGNotification[0];
            }
            return null;
        });
        Statement statement = proxy(Statement.class, (method, args) -> method.equals("execute") ? false : null);
        Connection connection = proxy(Connection.class, (method, args) -> switch (method) {
            case "createStatement" -> statement;
            case "unwrap" -> notifications;
            case "isClosed" -> false;
            default -> null;
        });
        return proxy(DataSource.class, (method, args) -> switch (method) {
            case "getConnection" -> connection;
            case "getLogWriter" -> new PrintWriter(System.err);
            case "getParentLogger" -> Logger.getGlobal();
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> type.getSimpleName() + " stand-in";
                    default -> answer.answer(method.getName(), args);
                });
    }
}
