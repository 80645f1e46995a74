package dev.blockmine.node.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.SealedBlock;

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
    private final PostgresStore store;
    private final Chain chain;
    private volatile boolean running;
    private Thread thread;

    ReplicaFollower(DataSource dataSource, Chain chain) {
        this.dataSource = dataSource;
        this.store = new PostgresStore(dataSource);
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
                    catchUp();
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

    /** Appends every stored block beyond our tip; a stored chain that does not continue ours is adopted when longer. */
    void catchUp() {
        List<SealedBlock> newer = store.blocksAfter(chain.tip().index());
        for (SealedBlock block : newer) {
            SealedBlock tip = chain.tip();
            if (block.index() != tip.index() + 1 || !block.block().previousHash().equals(tip.hash())) {
                log.warn("The stored chain no longer continues ours at block {}: taking the stored chain", block.index());
                chain.replaceIfLonger(store.load(), Optional.empty());
                return;
            }
            chain.appendOn(new NextBlock(tip, List.of()), block, Optional.empty()); // false when our own append got there first: the next round sees it
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
