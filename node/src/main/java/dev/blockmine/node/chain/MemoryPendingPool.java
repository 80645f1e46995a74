package dev.blockmine.node.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending pool of one process. Its changes are serialized by the chain's lock (it has none of its own); each
 * change publishes a new immutable list, so readers take the current one without any lock.
 */
public final class MemoryPendingPool implements PendingPool {

    private static final Logger log = LoggerFactory.getLogger(MemoryPendingPool.class);

    private final int max;
    private final int maxPerSender;
    /** Replaced, never changed: at most {@code max} entries, so a copy per change is cheap. */
    private volatile List<Transaction> pending = List.of();

    /**
     * @param max transactions waiting at most
     * @param maxPerSender transactions of one sender waiting at most: no client fills the pool alone
     */
    public MemoryPendingPool(int max, int maxPerSender) {
        this.max = max;
        this.maxPerSender = maxPerSender;
    }

    @Override
    public List<Transaction> list() {
        return pending;
    }

    @Override
    public int count() {
        return pending.size();
    }

    @Override
    public Queued offer(Transaction transaction, SealedBlock tip, Function<List<Transaction>, Optional<String>> refusal) {
        Optional<Queued> full = PendingLimits.full(pending, max, maxPerSender, transaction);
        if (full.isPresent()) {
            return full.get();
        }
        Optional<String> refused = refusal.apply(pending);
        if (refused.isPresent()) {
            return new Queued.Refused(refused.get());
        }
        List<Transaction> more = new ArrayList<>(pending.size() + 1);
        more.addAll(pending);
        more.add(transaction);
        pending = List.copyOf(more);
        return new Queued.Accepted(tip.index() + 1);
    }

    @Override
    public boolean commit(List<Transaction> taken, BooleanSupplier store, UnaryOperator<List<Transaction>> stillValid) {
        if (!store.getAsBoolean()) {
            return false;
        }
        // the pool only grows between blocks, so the transactions the block was built with are still the first
        List<Transaction> left = pending.subList(taken.size(), pending.size());
        List<Transaction> valid = left.isEmpty() ? List.of() : List.copyOf(stillValid.apply(left));
        if (valid.size() != left.size()) {
            log.info("Dropped {} pending transactions the new chain made invalid", left.size() - valid.size());
        }
        pending = List.copyOf(valid);
        return true;
    }
}
