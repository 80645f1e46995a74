package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The transactions waiting for the next block, oldest first: in this process ({@link MemoryPendingPool}) or, for
 * replicas, in their shared database. The chain calls {@link #offer} and {@link #commit} under its own lock (a
 * shared pool also serializes the replicas' calls among themselves), and {@link #list} and {@link #count} from any
 * thread without it: a reader never waits for a change to be stored. Both hold every sender to a fair share of the pool.
 */
public interface PendingPool {

    /** The transactions waiting, oldest first. */
    List<Transaction> list();

    /** How many are waiting. */
    int count();

    /**
     * Adds {@code transaction} if the pool has room, in all and for its sender, and the ledger lets it wait behind
     * those already waiting, in one step against every other offer and change.
     *
     * @param tip the tip of the chain the ledger judges on; a shared pool answers {@link Queued.Behind} when the
     *            shared chain has moved past it
     * @param refusal the ledger: why the transaction may not wait behind these, or empty
     */
    Queued offer(Transaction transaction, SealedBlock tip, Function<List<Transaction>, Optional<String>> refusal);

    /**
     * Changes the chain's store and the pool as one step: runs {@code store} (the append of a block, or the replacement
     * of the chain), takes out {@code taken}, the first transactions waiting (the block was built with them), and
     * drops those {@code stillValid} (the ledger after the change) no longer keeps.
     *
     * @return false, having changed nothing, when {@code store} answers false or {@code taken} no longer opens the pool
     */
    boolean commit(List<Transaction> taken, BooleanSupplier store, UnaryOperator<List<Transaction>> stillValid);
}
