package dev.blockmine.node.chain;

import java.util.List;

/** Where the chain's blocks live beyond memory. An append returns only once the block is durable. */
public interface BlockStore {

    /** The blocks stored so far, oldest first (empty for a new store). */
    List<SealedBlock> load();

    /** Adds a block after the last one; durable when this returns. */
    void append(SealedBlock block);

    /**
     * Adds a block if the stored chain still ends just before it (or already holds exactly it); durable when this
     * returns true. False when another process sharing the store appended a different block at its index first.
     */
    default boolean appendIfNext(SealedBlock block) {
        append(block);
        return true;
    }

    /** Whether other processes append to this store too (replicas): then the chain catches up from it. */
    default boolean isShared() {
        return false;
    }

    /**
     * The stored blocks after {@code index} that this process did not append: those of other replicas sharing the
     * store. A store of one process has none.
     */
    default List<SealedBlock> blocksAfter(long index) {
        return List.of();
    }

    /**
     * Replaces the stored blocks after {@code forkIndex} with {@code branch} (consensus adopted a longer chain that
     * shares the first {@code forkIndex} blocks with ours); durable when this returns true. Only the branch is
     * written. False, having changed nothing, when a store shared by replicas already holds a chain at least as long
     * (its replicas stored blocks this process has not heard of yet), or no longer holds the block the branch follows.
     */
    boolean replaceAfter(long forkIndex, List<SealedBlock> branch);

    /** Replaces the whole stored chain: {@link #replaceAfter} from before the genesis block. */
    default boolean replaceAll(List<SealedBlock> chain) {
        return replaceAfter(0, chain);
    }

    /** The in-memory default: nothing survives a restart. */
    BlockStore MEMORY = new Nothing();

    /**
     * A store that keeps nothing: the chain in memory is all there is ({@link #MEMORY}). Open, so that a test's store
     * (one shared by replicas, say) fakes only what it is about.
     */
    class Nothing implements BlockStore {
        @Override
        public List<SealedBlock> load() {
            return List.of();
        }

        @Override
        public void append(SealedBlock block) {
        }

        @Override
        public boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
            return true;
        }
    }
}
