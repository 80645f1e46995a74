package dev.blockmine.node.chain;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain catching up with a store shared by replicas: appends the blocks stored beyond its tip through the one
 * append, so every listener hears of them as of a block forged here; a stored chain that does not continue ours is
 * taken, in memory only (the store already holds it). Nothing to do for a store of one process. Callers arriving
 * together share one read of the store.
 */
final class StoreCatchUp {

    private static final Logger log = LoggerFactory.getLogger(StoreCatchUp.class);

    private final Chain chain;
    private final BlockStore store;
    private final CoalescedReads storeReads = new CoalescedReads();

    StoreCatchUp(Chain chain, BlockStore store) {
        this.chain = chain;
        this.store = store;
    }

    /** @return whether the chain's tip moved since the call */
    boolean run() {
        if (!store.isShared()) {
            return false;
        }
        SealedBlock start = chain.tip();
        storeReads.run(this::appendStored);
        return chain.tip() != start;
    }

    private void appendStored() {
        for (SealedBlock block : store.blocksAfter(chain.tip().index())) {
            SealedBlock at = chain.tip();
            if (block.index() <= at.index()) {
                continue; // our own append of it got there first: not a fork
            }
            if (block.index() != at.index() + 1 || !block.previousHash().equals(at.hash())) {
                log.warn("The stored chain no longer continues ours at block {}: taking the stored chain", block.index());
                chain.adoptStored();
                return;
            }
            chain.appendOn(NextBlock.on(at), block, Optional.empty()); // false when our own append got there first
        }
    }
}
