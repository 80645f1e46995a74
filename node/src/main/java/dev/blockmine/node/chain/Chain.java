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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain and the transactions waiting for the next block. Every change is serialized by one lock and made
 * durable in the {@link BlockStore} before the lock is released; the tip is readable without the lock. Both
 * front-ends (HTTP proofs and binary nonces) append through a compare-and-append on the tip, so each block has
 * exactly one winner across both.
 */
public final class Chain {

    private static final Logger log = LoggerFactory.getLogger(Chain.class);

    private final Clock clock;
    private final int maxPending;
    private final BlockStore store;
    private final LedgerRule ledger;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SealedBlock> blocks = new ArrayList<>();
    private final List<Transaction> pending = new ArrayList<>();
    private final List<Consumer<SealedBlock>> appendListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<SealedBlock>>> replaceListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<TipChange>> tipListeners = new CopyOnWriteArrayList<>();
    private volatile SealedBlock tip;

    /** A new chain in memory, starting with a fresh genesis block. */
    public Chain(Clock clock, int maxPending) {
        this(clock, maxPending, BlockStore.MEMORY, List.of());
    }

    /**
     * A chain over a store.
     *
     * @param stored the blocks the store already holds (validated by the caller), or none to start a new chain
     */
    public Chain(Clock clock, int maxPending, BlockStore store, List<SealedBlock> stored) {
        this(clock, maxPending, store, stored, LedgerRule.OPEN);
    }

    /** A chain whose pending transactions must satisfy {@code ledger} (the store's blocks were checked by the caller). */
    public Chain(Clock clock, int maxPending, BlockStore store, List<SealedBlock> stored, LedgerRule ledger) {
        this.clock = clock;
        this.maxPending = maxPending;
        this.store = store;
        this.ledger = ledger;
        if (stored.isEmpty()) {
            SealedBlock genesis = SealedBlock.of(new Block(1, now(), List.of(), BigInteger.valueOf(100), "1"));
            store.append(genesis);
            blocks.add(genesis);
        } else {
            blocks.addAll(stored);
        }
        tip = blocks.getLast();
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
        appendListeners.add(listener);
    }

    /** Calls {@code listener} with the new chain whenever consensus replaces the whole chain. */
    public void onReplace(Consumer<List<SealedBlock>> listener) {
        replaceListeners.add(listener);
    }

    /**
     * Calls {@code listener} whenever the tip changes (an append or a replacement), on the changing thread and
     * outside the lock, before the append and replace listeners and in the order registered: these are what tell
     * miners to stop and what sets the next job's target, and every other listener (metrics, dashboards, peers) can
     * wait a moment. Notifications from concurrent changes may arrive out of order: a listener reads {@link #tip()}.
     */
    public void onNewTip(Consumer<TipChange> listener) {
        tipListeners.add(listener);
    }

    /** Up to {@code count} blocks just before {@code block}, newest first. */
    public List<SealedBlock> before(SealedBlock block, int count) {
        lock.lock();
        try {
            int end = (int) Math.min(block.index() - 1, blocks.size()); // blocks.get(i) has index i + 1
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
     * @return the new block, durable, or empty when another block was appended first
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
            forged = append(new Block(tip.index() + 1, now(), transactions, proof, tip.hash()));
            pending.clear();
        } finally {
            lock.unlock();
        }
        notifyAppended(forged);
        return Optional.of(forged);
    }

    /**
     * Appends the next block for a binary job: the transactions the job committed to, then the reward, if and only
     * if the job's tip is still the tip. Transactions queued after the job was made stay pending for the next block.
     *
     * @return the new block, durable, or empty when another block (from either protocol) was appended first
     */
    public Optional<SealedBlock> forgeBinaryOn(NextBlock job, long nonce, int zeroBits, String minerName) {
        SealedBlock forged;
        lock.lock();
        try {
            if (tip != job.tip()) {
                return Optional.empty();
            }
            // pending only grows between blocks, so the job's transactions are still its first entries
            List<Transaction> transactions = new ArrayList<>(job.transactions());
            transactions.add(Transaction.reward(minerName));
            forged = append(new Block(tip.index() + 1, now(), transactions, BigInteger.valueOf(nonce), tip.hash(),
                    new ProvenBy.Binary(zeroBits)));
            pending.subList(0, job.transactions().size()).clear();
        } finally {
            lock.unlock();
        }
        notifyAppended(forged);
        return Optional.of(forged);
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
     * Appends a block forged elsewhere (a peer announced it) if it follows {@code expectedTip}, still the tip.
     * The caller has validated it as the successor of that tip.
     */
    public boolean appendOn(SealedBlock expectedTip, SealedBlock next) {
        lock.lock();
        try {
            if (tip != expectedTip) {
                return false;
            }
            store.append(next);
            blocks.add(next);
            tip = next;
            retainValidPending();
        } finally {
            lock.unlock();
        }
        notifyAppended(next);
        return true;
    }

    /**
     * Adopts a longer chain (validated by the caller), if it is still longer than ours when the lock is taken.
     * Pending transactions stay pending while the ledger still holds them valid.
     */
    public boolean replaceIfLonger(List<SealedBlock> longer) {
        List<SealedBlock> adopted;
        lock.lock();
        try {
            if (longer.size() <= blocks.size()) {
                return false;
            }
            store.replaceAll(longer);
            blocks.clear();
            blocks.addAll(longer);
            tip = blocks.getLast();
            retainValidPending();
            adopted = List.copyOf(blocks);
        } finally {
            lock.unlock();
        }
        notifyNewTip(new TipChange.Replaced(adopted));
        for (Consumer<List<SealedBlock>> listener : replaceListeners) {
            try {
                listener.accept(adopted);
            } catch (RuntimeException e) {
                log.error("A chain listener failed on a replacement; the chain is replaced regardless", e);
            }
        }
        return true;
    }

    /** Queues a transaction for the next block if the queue has room and the ledger allows it. */
    public Queued addTransaction(Transaction transaction) {
        lock.lock();
        try {
            if (pending.size() >= maxPending) {
                return new Queued.Full(maxPending);
            }
            Optional<String> refusal = ledger.refusal(blocks, pending, transaction);
            if (refusal.isPresent()) {
                return new Queued.Refused(refusal.get());
            }
            pending.add(transaction);
            return new Queued.Accepted(tip.index() + 1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A block from elsewhere may have spent what a pending transaction spends; blocks forged here keep the rest
     * valid (they take pending spends in order and add a reward). The caller holds the lock.
     */
    private void retainValidPending() {
        List<Transaction> valid = ledger.stillValid(blocks, pending);
        if (valid.size() != pending.size()) {
            log.info("Dropped {} pending transactions the new chain made invalid", pending.size() - valid.size());
            List<Transaction> kept = List.copyOf(valid);
            pending.clear();
            pending.addAll(kept);
        }
    }

    /** A listener that fails is logged: the block is in the chain and durable, and its miner must hear so. */
    private void notifyAppended(SealedBlock block) {
        notifyNewTip(new TipChange.Appended(block));
        for (Consumer<SealedBlock> listener : appendListeners) {
            try {
                listener.accept(block);
            } catch (RuntimeException e) {
                log.error("A chain listener failed on block {}; the block stands", block.index(), e);
            }
        }
    }

    private void notifyNewTip(TipChange change) {
        for (Consumer<TipChange> listener : tipListeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.error("A chain listener failed on a new tip; the chain stands", e);
            }
        }
    }

    /** Seals, stores (durably) and appends; the caller holds the lock. */
    private SealedBlock append(Block block) {
        SealedBlock sealed = SealedBlock.of(block);
        store.append(sealed);
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
