package dev.blockmine.node.tcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last jobs handed to one miner: its S may name any of them (older txns get R), and those settled since are
 * the I it may still be owed. Written by whichever thread hands out a T, read by its reader and its T writer.
 */
final class HeldJobs {

    /** Jobs a miner may still answer. */
    static final int LIMIT = 8;

    private final Map<Integer, Job> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Job> eldest) {
            return size() > LIMIT;
        }
    };

    synchronized void hold(Job job) {
        jobs.put(job.txn(), job);
    }

    /** The job {@code txn} handed to this miner, or null when it never was (or long ago). */
    synchronized Job get(int txn) {
        return jobs.get(txn);
    }

    /**
     * Jobs won since by someone other than {@code miner}, but the one whose T is about to go out: that job may have
     * been won in the instant since it was assigned, and its I must follow its T.
     */
    synchronized List<Job> wonByOthers(MinerConnection miner, int handingOut) {
        return jobs.values().stream()
                .filter(job -> job.txn() != handingOut && job.isSettled() && !job.isClaimedBy(miner))
                .toList();
    }
}
