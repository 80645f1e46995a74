package dev.blockmine.node.chain;

/**
 * A store shared by replicas that keeps nothing and holds nothing beyond our tip: a test subclasses it to fake how a
 * catch-up goes (a failing read, a block another replica took meanwhile).
 */
public class SharedEmptyStore extends BlockStore.Nothing {

    @Override
    public boolean isShared() {
        return true;
    }
}
