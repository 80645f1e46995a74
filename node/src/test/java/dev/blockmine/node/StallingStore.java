package dev.blockmine.node;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.SealedBlock;

/**
 * A store that stalls like a disk that does not answer its fsync or a database that does not answer: it holds the
 * genesis block, and the first later append waits until {@link #release} (the chain's lock held all the while).
 */
public final class StallingStore implements BlockStore {

    /** Counted down when an append has reached the store and stalls. */
    public final CountDownLatch stalled = new CountDownLatch(1);
    /** Counted down by the test to let the store answer. */
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<SealedBlock> load() {
        return List.of();
    }

    @Override
    public void append(SealedBlock block) {
        if (block.index() > 1) {
            stalled.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean replaceAfter(long forkIndex, List<SealedBlock> branch) {
        return false;
    }
}
