package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A pending pool in memory that a test subclasses to fake one call (a failing read, an answer of its own). */
public class ForwardingPendingPool implements PendingPool {

    private final PendingPool pool = new MemoryPendingPool(100, 100);

    @Override
    public List<Transaction> list() {
        return pool.list();
    }

    @Override
    public int count() {
        return pool.count();
    }

    @Override
    public Queued offer(Transaction transaction, SealedBlock tip, Function<List<Transaction>, Optional<String>> refusal) {
        return pool.offer(transaction, tip, refusal);
    }

    @Override
    public boolean commit(List<Transaction> taken, BooleanSupplier store, UnaryOperator<List<Transaction>> stillValid) {
        return pool.commit(taken, store, stillValid);
    }
}
