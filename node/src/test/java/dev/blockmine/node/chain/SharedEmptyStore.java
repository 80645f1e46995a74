package dev.blockmine.node.chain;

import java.util.List;

/**
 * A store shared by replicas that keeps nothing and holds nothing beyond our tip: a test subclasses it to fake how a
 * catch-up goes (a failing read, a block another replica took meanwhile).
 */
public class SharedEmptyStore implements BlockStore {

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

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public List<SealedBlock> blocksAfter(long index) {
        return List.of();
    }
}
