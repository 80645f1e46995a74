package dev.blockmine.node.chain;

import java.util.List;

/** Where the chain's blocks live beyond memory. An append returns only once the block is durable. */
public interface BlockStore {

    /** The blocks stored so far, oldest first (empty for a new store). */
    List<SealedBlock> load();

    /** Adds a block after the last one; durable when this returns. */
    void append(SealedBlock block);

    /** Replaces the whole stored chain (consensus adopted a longer one); durable when this returns. */
    void replaceAll(List<SealedBlock> chain);

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
        public void replaceAll(List<SealedBlock> chain) {
        }
    };
}
