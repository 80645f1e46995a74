package dev.blockmine.node;

import java.util.List;

import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.SealedBlock;

/**
 * A store for tests of what a store's trouble does to the node: it takes a new chain's genesis block, and each later
 * append meets the trouble the subclass makes (a stall, a failure); it never replaces blocks.
 */
public abstract class GenesisThenStore implements BlockStore {

    /** What an append after the genesis block meets. */
    protected abstract void later(SealedBlock block);

    @Override
    public final List<SealedBlock> load() {
        return List.of();
    }

    @Override
    public final void append(SealedBlock block) {
        if (block.index() > 1) {
            later(block);
        }
    }

    @Override
    public final boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
        return false;
    }
}
