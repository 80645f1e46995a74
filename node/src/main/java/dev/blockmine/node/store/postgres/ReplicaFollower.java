package dev.blockmine.node.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

import dev.blockmine.node.chain.Chain;

/**
 * Brings blocks other replicas appended into this replica's chain: it LISTENs for the notification every inserted
 * block sends (V2 migration) and appends what the database holds beyond our tip, through the chain's own append, so
 * every chain listener hears of it as of a block forged here (I to the TCP miners, dashboard, metrics, announcements
 * to peers). It also looks once a second without a notification, so nothing is missed while it reconnects.
 */
final class ReplicaFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFollower.class);
    private static final String CHANNEL = "blockmine_block";

    private final DataSource dataSource;
    private final Chain chain;
    private volatile boolean running;
    private Thread thread;

    ReplicaFollower(DataSource dataSource, Chain chain) {
        this.dataSource = dataSource;
        this.chain = chain;
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
                    notifications.getNotifications(1000); // wakes at a new block, or after a second
                }
            } catch (SQLException | DataAccessException e) {
                if (running) {
                    log.warn("Cannot follow the chain's database ({}); trying again in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
