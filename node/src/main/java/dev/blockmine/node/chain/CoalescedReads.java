package dev.blockmine.node.chain;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads of a store shared by replicas, coalesced: a caller waits for one read that began after it asked (so it sees
 * everything stored before it asked), and callers that arrive together share that read. A burst of proofs judged on a
 * stale tip then costs one query and one database connection, not one each (which would empty the connection pool
 * under load). Callers covered by a read that failed get its failure.
 */
final class CoalescedReads {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong asked = new AtomicLong();
    private long covered; // under the lock: every caller numbered up to this has seen a read begun after it asked
    private RuntimeException failure; // the outcome of that read

    void run(Runnable read) {
        long ticket = asked.incrementAndGet();
        lock.lock();
        try {
            if (covered >= ticket) {
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            long covers = asked.get();
            try {
                read.run();
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                covered = covers;
            }
        } finally {
            lock.unlock();
        }
    }
}
