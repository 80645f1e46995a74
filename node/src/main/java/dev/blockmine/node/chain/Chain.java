package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The chain, in memory, and the transactions waiting for the next block.
 * Appends are serialized by one lock; the tip is readable without it. Both front-ends (HTTP proofs and binary
 * nonces) append through a compare-and-append on the tip, so each block has exactly one winner across both.
 */
public final class Chain {

    private final Clock clock;
    private final int maxPending;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SealedBlock> blocks = new ArrayList<>();
    private final List<Transaction> pending = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile SealedBlock tip;

    public Chain(Clock clock, int maxPending) {
        this.clock = clock;
        this.maxPending = maxPending;
        append(new Block(1, now(), List.of(), BigInteger.valueOf(100), "1"));
    }

    public SealedBlock tip() {
        return tip;
    }

    public List<SealedBlock> blocks() {
        lock.lock();
        try {
            return List.copyOf(blocks);
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code count} blocks just before {@code block}, newest first. */
    public List<SealedBlock> before(SealedBlock block, int count) {
        lock.lock();
        try {
            int end = (int) block.index() - 1; // blocks.get(i) has index i + 1
            List<SealedBlock> earlier = new ArrayList<>(count);
            for (int i = end - 1; i >= Math.max(0, end - count); i--) {
                earlier.add(blocks.get(i));
            }
            return earlier;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the next block on {@code expectedTip}, with the pending transactions and the miner's reward,
     * if and only if that is still the tip: of many proofs for the same block, exactly one gets here first.
     *
     * @return the new block, or empty when another block was appended first
     */
    public Optional<SealedBlock> forgeOn(SealedBlock expectedTip, BigInteger proof, String minerId) {
        Optional<SealedBlock> forged;
        lock.lock();
        try {
            if (tip != expectedTip) {
                return Optional.empty();
            }
            List<Transaction> transactions = new ArrayList<>(pending);
            transactions.add(Transaction.reward(minerId));
            pending.clear();
            forged = Optional.of(append(new Block(tip.index() + 1, now(), transactions, proof, tip.hash())));
        } finally {
            lock.unlock();
        }
        notifyNewTip();
        return forged;
    }

    /**
     * Appends the next block for a binary job: the transactions the job committed to, then the reward, if and only
     * if the job's tip is still the tip. Transactions queued after the job was made stay pending for the next block.
     *
     * @return the new block, or empty when another block (from either protocol) was appended first
     */
    public Optional<SealedBlock> forgeBinaryOn(NextBlock job, long nonce, int zeroBits, String minerName) {
        Optional<SealedBlock> forged;
        lock.lock();
        try {
            if (tip != job.tip()) {
                return Optional.empty();
            }
            // pending only grows between blocks, so the job's transactions are still its first entries
            List<Transaction> transactions = new ArrayList<>(job.transactions());
            pending.subList(0, transactions.size()).clear();
            transactions.add(Transaction.reward(minerName));
            forged = Optional.of(append(new Block(tip.index() + 1, now(), transactions, BigInteger.valueOf(nonce), tip.hash(),
                    new ProvenBy.Binary(zeroBits))));
        } finally {
            lock.unlock();
        }
        notifyNewTip();
        return forged;
    }

    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** The tip and the pending transactions, read together. */
    public NextBlock nextBlock() {
        lock.lock();
        try {
            return new NextBlock(tip, pending);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code listener} after every append, on the appending thread and outside the lock. Notifications from
     * concurrent appends may arrive out of order: a listener reads {@link #tip()} rather than trusting the order.
     */
    public void onNewTip(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Queues a transaction for the next block.
     *
     * @return the index of the block it will be in, or empty when the queue is full
     */
    public Optional<Long> addTransaction(Transaction transaction) {
        lock.lock();
        try {
            if (pending.size() >= maxPending) {
                return Optional.empty();
            }
            pending.add(transaction);
            return Optional.of(tip.index() + 1);
        } finally {
            lock.unlock();
        }
    }

    private void notifyNewTip() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private SealedBlock append(Block block) {
        SealedBlock sealed = SealedBlock.of(block);
        blocks.add(sealed);
        tip = sealed;
        return sealed;
    }

    /** Python's {@code time()}: seconds since the epoch, to the microsecond. */
    private double now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() + (instant.getNano() / 1_000) / 1e6;
    }
}
