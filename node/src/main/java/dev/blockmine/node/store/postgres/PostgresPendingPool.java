package dev.blockmine.node.store.postgres;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blockmine.node.chain.PendingLimits;
import dev.blockmine.node.chain.PendingPool;
import dev.blockmine.node.chain.Queued;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.CanonicalJson;

/**
 * The pending pool every replica shares, in the {@code pending_transaction} table. Every offer and every change of
 * the chain holds one transaction-scoped advisory lock, so replicas take turns: an offer is judged on the stored
 * chain's tip and on every transaction waiting, whichever replica it was posted to, and a block takes the
 * transactions it was built with in the same database transaction that inserts it (both or neither).
 */
public final class PostgresPendingPool implements PendingPool {

    /** How long an offer or a change of the chain waits for the lock, in PostgreSQL's interval syntax. */
    private static final String LOCK_WAIT = "2s";

    /** The advisory lock's key (any constant the database does not use for something else). */
    private static final long LOCK = 0x626c6f636b6d696eL;
    private static final Logger log = LoggerFactory.getLogger(PostgresPendingPool.class);

    private record Waiting(long id, Transaction transaction) {
    }

    private final JdbcClient jdbc;
    private final Transactions transactions;
    private final int max;
    private final int maxPerSender;

    public PostgresPendingPool(DataSource dataSource, int max, int maxPerSender) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new Transactions(dataSource);
        this.max = max;
        this.maxPerSender = maxPerSender;
    }

    @Override
    public List<Transaction> list() {
        return waiting(Integer.MAX_VALUE).stream().map(Waiting::transaction).toList();
    }

    @Override
    public int count() {
        return jdbc.sql("SELECT count(*) FROM pending_transaction").query(Integer.class).single();
    }

    @Override
    public Queued offer(Transaction transaction, SealedBlock tip, Function<List<Transaction>, Optional<String>> refusal) {
        return transactions.run(status -> {
            lock();
            Optional<String> stored = jdbc.sql("SELECT hash FROM block ORDER BY idx DESC LIMIT 1").query(String.class).optional();
            if (!stored.orElse("").equals(tip.hash())) {
                return new Queued.Behind(); // judged on an older tip, a spend could pass that the stored chain refuses
            }
            List<Transaction> pending = list();
            Optional<Queued> full = PendingLimits.full(pending, max, maxPerSender, transaction);
            if (full.isPresent()) {
                return full.get();
            }
            Optional<String> refused = refusal.apply(pending);
            if (refused.isPresent()) {
                return new Queued.Refused(refused.get());
            }
            jdbc.sql("INSERT INTO pending_transaction (body) VALUES (?)").param(transaction.canonicalJson()).update();
            return new Queued.Accepted(tip.index() + 1);
        });
    }

    @Override
    public boolean commit(List<Transaction> taken, BooleanSupplier store, UnaryOperator<List<Transaction>> stillValid) {
        return Boolean.TRUE.equals(transactions.run(status -> {
            lock();
            List<Waiting> first = waiting(taken.size());
            for (int i = 0; i < taken.size(); i++) {
                if (i >= first.size() || !first.get(i).transaction().canonicalJson().equals(taken.get(i).canonicalJson())) {
                    return false; // another replica's block took them, or they were dropped: the block is not ours to make
                }
            }
            if (!taken.isEmpty()) {
                jdbc.sql("DELETE FROM pending_transaction WHERE id <= ?").param(first.getLast().id()).update();
            }
            if (!store.getAsBoolean()) { // joins this database transaction: the insert and the delete commit together
                status.setRollbackOnly();
                return false;
            }
            dropInvalid(stillValid);
            return true;
        }));
    }

    /** Drops the waiting transactions the chain after the change no longer allows. */
    private void dropInvalid(UnaryOperator<List<Transaction>> stillValid) {
        List<Waiting> rest = waiting(Integer.MAX_VALUE);
        if (rest.isEmpty()) {
            return;
        }
        Map<Transaction, Long> ids = new IdentityHashMap<>();
        rest.forEach(w -> ids.put(w.transaction(), w.id()));
        List<Transaction> valid = stillValid.apply(rest.stream().map(Waiting::transaction).toList());
        if (valid.size() != rest.size()) {
            valid.forEach(ids::remove);
            jdbc.sql("DELETE FROM pending_transaction WHERE id = ANY (?)")
                    .param(ids.values().toArray(Long[]::new)).update();
            log.info("Dropped {} pending transactions the new chain made invalid", ids.size());
        }
    }

    /** The first {@code limit} transactions waiting, oldest first. */
    private List<Waiting> waiting(int limit) {
        return jdbc.sql("SELECT id, body FROM pending_transaction ORDER BY id LIMIT ?").param(limit)
                .query((row, n) -> new Waiting(row.getLong(1), Transaction.fromJson(CanonicalJson.parse(row.getString(2)))))
                .list();
    }

    /**
     * Held until this database transaction ends: replicas offer and change the chain one at a time. Waited for at
     * most {@link #LOCK_WAIT}: a replica that stalls holding it (a long pause, a partition without a reset) makes the
     * others answer 503 rather than hang every request behind it.
     */
    private void lock() {
        jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'").update();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((row, n) -> 1).list();
    }
}
