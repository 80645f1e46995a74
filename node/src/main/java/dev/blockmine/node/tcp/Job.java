package dev.blockmine.node.tcp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.JobData;
import dev.blockmine.pow.binary.Frame;

/**
 * One job of the binary protocol: the 1024 bytes for the next block, the miners holding it, and who claimed it.
 * Holders and miner numbers are changed only under the {@link JobBoard}'s lock; claiming is lock-free.
 */
final class Job {

    private final int txn;
    private final NextBlock next;
    private final BinaryRule rule;
    private final byte[] data;
    private final long slot;
    private final int minerNumbers;
    private final Set<MinerConnection> holders = new LinkedHashSet<>();
    private final AtomicReference<MinerConnection> claimant = new AtomicReference<>();
    /**
     * Holders already sent this job's I: by the broadcast or by their own next T, whichever came first. Made at
     * settling, sized for every holder (thousands are added at once), and published by {@link #settled}.
     */
    private Set<MinerConnection> told = Set.of();
    private int nextMiner;
    private volatile boolean settled;

    Job(int txn, NextBlock next, BinaryRule rule, long slot) {
        this.txn = txn;
        this.next = next;
        this.rule = rule;
        this.slot = slot;
        this.data = JobData.of(next.index(), next.tip().hash(), Block.transactionsJson(next.transactions()), rule.zeroBits());
        // slots m·slot are disjoint for m below 2^32 / slot (and miner is a u16): after that they repeat
        this.minerNumbers = (int) Math.min(1L << 16, Math.max(1, (1L << 32) / slot));
    }

    int txn() {
        return txn;
    }

    NextBlock next() {
        return next;
    }

    BinaryRule rule() {
        return rule;
    }

    boolean isValid(long nonce) {
        return rule.isValid(data, nonce);
    }

    /** A T for a new holder, with a fresh miner number (board lock held). */
    Frame.Task handTo(MinerConnection miner) {
        holders.add(miner);
        int number = nextMiner;
        nextMiner = (nextMiner + 1) % minerNumbers;
        return new Frame.Task(txn, number, slot, rule.zeroBits(), data);
    }

    /** Board lock held. */
    void drop(MinerConnection miner) {
        holders.remove(miner);
    }

    /** Closes the job and returns whom to tell: every holder but the one that claimed it (board lock held). */
    List<MinerConnection> settle() {
        List<MinerConnection> others = new ArrayList<>(holders);
        others.remove(claimant.get());
        holders.clear();
        told = ConcurrentHashMap.newKeySet(others.size() + 1);
        settled = true; // after told: a thread that sees the job settled sees its told set
        return others;
    }

    boolean isSettled() {
        return settled;
    }

    boolean isClaimedBy(MinerConnection miner) {
        return claimant.get() == miner;
    }

    /** Only the first valid nonce for a job goes on to the chain; later ones are told the job is gone. */
    boolean claim(MinerConnection miner) {
        return claimant.compareAndSet(null, miner);
    }

    /** The claim lost on the chain: this miner is a holder to tell like any other. */
    void releaseClaim(MinerConnection miner) {
        claimant.compareAndSet(miner, null);
    }

    /** True the first time only, per miner (that miner's write lock held). */
    boolean firstStopFor(MinerConnection miner) {
        return told.add(miner);
    }
}
