package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The chain, in memory, and the transactions waiting for the next block.
 * Appends are serialized by one lock; the tip is readable without it.
 */
public final class Chain {

    private final Clock clock;
    private final int maxPending;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SealedBlock> blocks = new ArrayList<>();
    private final List<Transaction> pending = new ArrayList<>();
    private final List<Consumer<SealedBlock>> listeners = new CopyOnWriteArrayList<>();
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

    /** The last {@code count} blocks (fewer on a short chain), oldest first. */
    public List<SealedBlock> lastBlocks(int count) {
        lock.lock();
        try {
            return List.copyOf(blocks.subList(Math.max(0, blocks.size() - count), blocks.size()));
        } finally {
            lock.unlock();
        }
    }

    /** The block with this index, if the chain has it. */
    public Optional<SealedBlock> block(long index) {
        lock.lock();
        try {
            return index >= 1 && index <= blocks.size() ? Optional.of(blocks.get((int) index - 1)) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls {@code listener} with every block appended from now on, in chain order, on the appending thread and
     * outside the chain's lock (so a listener may read the chain); it must be quick and must not throw.
     */
    public void onAppend(Consumer<SealedBlock> listener) {
        listeners.add(listener);
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
        SealedBlock forged;
        lock.lock();
        try {
            if (tip != expectedTip) {
                return Optional.empty();
            }
            List<Transaction> transactions = new ArrayList<>(pending);
            transactions.add(Transaction.reward(minerId));
            pending.clear();
            forged = append(new Block(tip.index() + 1, now(), transactions, proof, tip.hash()));
        } finally {
            lock.unlock();
        }
        listeners.forEach(listener -> listener.accept(forged));
        return Optional.of(forged);
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
