package dev.blockmine.node;

import java.util.concurrent.CountDownLatch;

import dev.blockmine.node.chain.SealedBlock;

/**
 * A store that stalls like a disk that does not answer its fsync or a database that does not answer: the first append
 * after the genesis block waits until {@link #release} (the chain's lock held all the while).
 */
public final class StallingStore extends GenesisThenStore {

    /** Counted down when an append has reached the store and stalls. */
    public final CountDownLatch stalled = new CountDownLatch(1);
    /** Counted down by the test to let the store answer. */
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected void later(SealedBlock block) {
        stalled.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
