package dev.blockmine.node.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainBusy;
import dev.blockmine.node.limits.RetryPauses;

/**
 * Brings blocks other replicas appended into this replica's chain: it LISTENs for the notification every inserted
 * block sends (V2 migration) and appends what the database holds beyond our tip, through the chain's own append, so
 * every chain listener hears of it as of a block forged here (I to the TCP miners, dashboard, metrics, announcements
 * to peers). It also looks once a second without a notification, so nothing is missed while it reconnects. It never
 * stops: a database away is tried again every second, a bug is logged with its stack trace and tried again with
 * back-off (1 s doubling to 30 s).
 */
final class ReplicaFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFollower.class);
    private static final String CHANNEL = "blockmine_block";
    /** How long a database that is away is left before the next look: it comes back by itself. */
    private static final Duration DATABASE_AWAY = Duration.ofSeconds(1);
    /** How often it looks without a notification. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    /**
     * One wait for notifications, a local read of the socket (no query). An interrupt does not end that read, so
     * this is how long stop() may wait for the thread; a second's wait would hold every replica's shutdown.
     */
    private static final int WAIT_MILLIS = 100;

    private final DataSource dataSource;
    private final Chain chain;
    private final Duration lookEvery;
    private final RetryPauses afterBug = new RetryPauses(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private volatile boolean running;
    private Thread thread;

    ReplicaFollower(DataSource dataSource, Chain chain) {
        this(dataSource, chain, LOOK_EVERY);
    }

    /** A follower that looks every {@code lookEvery} without a notification. */
    ReplicaFollower(DataSource dataSource, Chain chain, Duration lookEvery) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.lookEvery = lookEvery;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("replica-follower").start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    chain.catchUp();
                    afterBug.succeeded(); // a round went through: the next failure is a new one
                    awaitNotification(notifications);
                }
            } catch (SQLException | DataAccessException | ChainBusy e) { // the database away, or too slow to take a block
                if (running) {
                    log.warn("Cannot follow the chain's database ({}); trying again in a second", e.getMessage());
                    rest(DATABASE_AWAY);
                }
            } catch (RuntimeException e) { // a bug, not the database: the follower must outlive it, or replicas drift
                if (running) {
                    Duration pause = afterBug.failed();
                    log.error("Following the chain's database failed; trying again in {} s", pause.toSeconds(), e);
                    rest(pause);
                }
            }
        }
    }

    /** Returns at a new block's notification, after {@link #lookEvery} without one, or soon after stop(). */
    private void awaitNotification(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + lookEvery.toNanos();
        while (running && System.nanoTime() < deadline) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    private void rest(Duration pause) {
        if (!RetryPauses.rest(pause)) {
            running = false; // only stop() interrupts
        }
    }
}
