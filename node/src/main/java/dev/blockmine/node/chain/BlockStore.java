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
     * Replaces the whole stored chain (consensus adopted a longer one); durable when this returns true. False, having
     * changed nothing, when a store shared by replicas already holds a chain at least as long (its replicas stored
     * blocks this process has not heard of yet).
     */
    boolean replaceAll(List<SealedBlock> chain);

    /** The in-memory default: nothing survives a restart. */
    BlockStore MEMORY = new BlockStore() {
        @Override
        public List<SealedBlock> load() {
            return List.of();
        }

        @Override
        public void append(SealedBlock block) {
        }

        @Override
        public boolean replaceAll(List<SealedBlock> chain) {
            return true;
        }
    };
}
