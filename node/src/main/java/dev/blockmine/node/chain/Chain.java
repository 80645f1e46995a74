package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

import dev.blockmine.pow.BlockTime;

/**
 * The chain and the transactions waiting for the next block. Every change is serialized by one lock and made
 * durable in the {@link BlockStore} before the lock is released. Every block, whoever forged it (HTTP proofs, binary
 * nonces, a peer), goes through one compare-and-append on the tip, so each block has exactly one winner; every change
 * of tip is one {@link ChainEvent} to the listeners.
 * <p>
 * The lock is held across the store's write (a journal's fsync, a database's round trip): that is what makes a block
 * durable before anyone sees it. So no read takes it: the blocks, the tip and the pending transactions are immutable
 * versions, read as they are. A change waits for the lock at most {@link #LOCK_WAIT}, then fails with
 * {@link ChainBusy} (a 503 to a client) rather than hang behind a stalled disk or database.
 */
public final class Chain {

    /** How long a change waits for the one before it to be stored: a healthy store takes milliseconds. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final PendingPool pool;
    private final BlockStore store;
    private final LedgerRule ledger;
    private final ReentrantLock lock = new ReentrantLock();
    private final Duration lockWait;
    private final ChainListeners listeners = new ChainListeners();
    private final StoreCatchUp catchUp;
    /** Replaced (never changed) under the lock; readers take the current version without it. */
    private volatile BlockList blocks;
    private volatile SealedBlock tip;
    private final HashIndex hashes = new HashIndex();

    /** A new chain in memory, starting with a fresh genesis block. */
    public Chain(Clock clock, int maxPending) {
        this(clock, maxPending, BlockStore.MEMORY, List.of());
    }

    /**
     * A chain over a store.
     *
     * @param clock when a new chain's genesis block is made
     * @param stored the blocks the store already holds (validated by the caller), or none to start a new chain
     */
    public Chain(Clock clock, int maxPending, BlockStore store, List<SealedBlock> stored) {
        this(clock, maxPending, store, stored, LedgerRule.OPEN);
    }

    /** A chain whose pending transactions must satisfy {@code ledger} (the store's blocks were checked by the caller). */
    public Chain(Clock clock, int maxPending, BlockStore store, List<SealedBlock> stored, LedgerRule ledger) {
        this(clock, new MemoryPendingPool(maxPending, maxPending), store, stored, ledger);
    }

    /** A chain whose transactions wait in {@code pool}. */
    public Chain(Clock clock, PendingPool pool, BlockStore store, List<SealedBlock> stored, LedgerRule ledger) {
        this(clock, pool, store, stored, ledger, LOCK_WAIT);
    }

    /** @param lockWait how long a change waits for the lock before {@link ChainBusy} (shorter in tests) */
    public Chain(Clock clock, PendingPool pool, BlockStore store, List<SealedBlock> stored, LedgerRule ledger,
            Duration lockWait) {
        this.lockWait = lockWait;
        this.pool = pool;
        this.store = store;
        this.ledger = ledger;
        this.catchUp = new StoreCatchUp(this, store);
        if (stored.isEmpty()) {
            SealedBlock genesis = SealedBlock.of(new Block(1, Block.pythonTime(clock), List.of(), BigInteger.valueOf(100), "1"));
            store.append(genesis);
            blocks = BlockList.of(List.of(genesis));
        } else {
            blocks = BlockList.of(stored); // its own chunks: a version another chain still appends to is never shared
        }
        tip = blocks.tip();
        hashes.rebuild(blocks);
    }

    public SealedBlock tip() {
        return tip;
    }

    /** The chain as it is now: a version that never changes, taken without copying or locking. */
    public BlockList blocks() {
        return blocks;
    }

    /** The last {@code count} blocks (fewer on a short chain), oldest first. */
    public List<SealedBlock> lastBlocks(int count) {
        BlockList now = blocks;
        return now.subList(Math.max(0, now.size() - count), now.size());
    }

    /** The block with this index, if the chain has it. */
    public Optional<SealedBlock> block(long index) {
        BlockList now = blocks;
        return index >= 1 && index <= now.size() ? Optional.of(now.at(index)) : Optional.empty();
    }

    /** The block with this hash (64 lowercase hex digits), if the chain has it. */
    public Optional<SealedBlock> blockWithHash(String hash) {
        return hashes.find(hash, blocks);
    }

    /** Up to {@code count} blocks just before {@code block}, newest first. */
    public List<SealedBlock> before(SealedBlock block, int count) {
        BlockList now = blocks;
        int end = (int) Math.min(block.index() - 1, now.size()); // now.get(i) has index i + 1
        List<SealedBlock> earlier = new ArrayList<>(count);
        for (int i = end - 1; i >= Math.max(0, end - count); i--) {
            earlier.add(now.get(i));
        }
        return earlier;
    }

    /**
     * Calls {@code listener} with every change of tip from now on, at the listener's {@code turn}: see
     * {@link ChainListeners} for who runs where and in which order.
     */
    public void listen(ChainListeners.Turn turn, Consumer<ChainEvent> listener) {
        listeners.add(turn, listener);
    }

    /**
     * The one append: adds {@code next} if and only if {@code basis.tip()} is still the tip (of many proofs for the
     * same block exactly one gets here first), and takes the transactions it was built with out of the pending queue.
     * The caller has built the block on {@code basis} (its index and previous hash follow the tip) and validated it.
     *
     * @param basis the tip the block follows, and the pending transactions it includes (none for a peer's block)
     * @param fromPeer the peer that sent the block, or empty for a block forged here
     * @return whether the block was appended (and is durable); false when another block was appended first
     */
    public boolean appendOn(NextBlock basis, SealedBlock next, Optional<String> fromPeer) {
        if (next.index() != basis.index() || !basis.tip().hasHash(next.previousHash())) {
            throw new IllegalArgumentException("block " + next.index() + " does not follow block " + basis.tip().index());
        }
        ChainEvent appended = new ChainEvent.BlockAppended(next, fromPeer);
        lock("append block " + next.index());
        try {
            List<SealedBlock> after = new WithNext(blocks, next);
            // false also when a store shared by replicas holds another block at this index
            if (tip != basis.tip() || !pool.commit(basis.transactions(), () -> store.appendIfNext(next),
                    waiting -> ledger.stillValid(after, waiting))) {
                return false;
            }
            blocks = blocks.append(next);
            tip = next;
            hashes.add(next, blocks);
            listeners.queue(appended);
        } finally {
            lock.unlock();
        }
        listeners.runInline(appended);
        return true;
    }

    /**
     * Adopts a longer chain (validated by the caller) in place of ours: only the blocks after the last one both
     * share change (see {@link #adoptBranch}).
     */
    public boolean replaceIfLonger(List<SealedBlock> longer, Optional<String> fromPeer) {
        if (longer.size() <= tip.index()) { // most peers' chains: no need to ask the store
            return false;
        }
        int shared = shared(blocks, longer);
        return adoptBranch(shared, longer.subList(shared, longer.size()), fromPeer);
    }

    /**
     * Adopts a branch (validated by the caller on top of our block {@code forkIndex}) in place of our blocks after
     * {@code forkIndex}, if the chain it makes is still longer than ours when the lock is taken, and than the stored
     * one (a replica behind must not cut off blocks others stored); when the store refuses, we catch up from it
     * instead. Only the blocks after the fork are stored and told to the listeners: a sync one block behind costs
     * one block. Pending transactions stay pending while the ledger still holds them valid.
     *
     * @param forkIndex the index of the last block the branch and our chain share (0: none, not even the genesis)
     * @param branch the blocks after it, oldest first
     * @param fromPeer the peer whose chain it is
     */
    public boolean adoptBranch(long forkIndex, List<SealedBlock> branch, Optional<String> fromPeer) {
        if (branch.isEmpty() || forkIndex + branch.size() <= tip.index()) {
            return false;
        }
        List<SealedBlock> kept = List.copyOf(branch);
        boolean adopted = adopt(fromPeer, forkIndex, kept, () -> store.replaceAfter(forkIndex, kept));
        if (!adopted) {
            catchUp();
        }
        return adopted;
    }

    /**
     * Swaps our blocks after {@code forkIndex} for {@code branch}, having stored it if {@code store} says so (called
     * under the lock, inside the pool's change, so a shared store's reads and writes take turns with the other
     * replicas').
     */
    private boolean adopt(Optional<String> fromPeer, long forkIndex, List<SealedBlock> branch, BooleanSupplier store) {
        ChainEvent replaced;
        lock("adopt " + branch.size() + " blocks after block " + forkIndex);
        try {
            BlockList ours = blocks;
            if (forkIndex + branch.size() <= ours.size() || forkIndex > ours.size()
                    || !branch.getFirst().previousHash().equals(forkIndex == 0 ? "1" : ours.at(forkIndex).hash())) {
                return false; // our chain moved while the branch was read: no longer longer, or the fork point is gone
            }
            BlockList adopted = ours.cut((int) forkIndex).appendAll(branch);
            if (!pool.commit(List.of(), store, waiting -> ledger.stillValid(adopted, waiting))) {
                return false;
            }
            blocks = adopted;
            tip = adopted.tip();
            branch.forEach(block -> hashes.add(block, adopted));
            replaced = new ChainEvent.ChainReplaced(ours.subList((int) forkIndex, ours.size()), branch, fromPeer);
            listeners.queue(replaced);
        } finally {
            lock.unlock();
        }
        listeners.runInline(replaced);
        return true;
    }

    /** How many blocks two chains share from their genesis blocks on. */
    private static int shared(List<SealedBlock> ours, List<SealedBlock> theirs) {
        int shared = 0;
        while (shared < Math.min(ours.size(), theirs.size()) && ours.get(shared).equals(theirs.get(shared))) {
            shared++;
        }
        return shared;
    }

    public int pendingCount() {
        return pool.count();
    }

    /** Every transaction waiting, oldest first (the pool is bounded: at most node.max-pending). */
    public List<Transaction> pending() {
        return pool.list();
    }

    /**
     * The tip and the pending transactions that fit in a block: what the next block is built on. Read without the
     * lock, so the two are read again when a block arrived in between; should blocks keep arriving, the last reading
     * is used, and the append's compare on the tip refuses a block built on it after the tip moved.
     */
    public NextBlock nextBlock() {
        for (int attempt = 1; ; attempt++) {
            BlockList now = blocks;
            List<Transaction> waiting = pool.list();
            if (blocks == now || attempt == 3) {
                List<SealedBlock> recent = now.subList(Math.max(0, now.size() - BlockTime.SPAN), now.size());
                return NextBlock.fitting(now.tip(), waiting, BlockTime.earliestAfter(BlockValidation.lastTimes(recent)));
            }
        }
    }

    /**
     * Queues a transaction for the next block if the pool has room and the ledger allows it. A replica whose shared
     * chain moved on first catches up, so the ledger judges on the chain the transaction will follow.
     */
    public Queued addTransaction(Transaction transaction) {
        for (int round = 1; ; round++) {
            Queued queued;
            SealedBlock judgedOn;
            lock("queue a transaction");
            try {
                judgedOn = tip;
                queued = pool.offer(transaction, judgedOn, waiting -> ledger.refusal(blocks, waiting, transaction));
            } finally {
                lock.unlock();
            }
            // behind: try again once caught up, by us or meanwhile by the replica's follower (then catchUp finds nothing)
            if (!(queued instanceof Queued.Behind) || round == 3 || !(catchUp() || tip != judgedOn)) {
                return queued;
            }
        }
    }

    /** Takes the lock for a change, waiting at most {@link #lockWait} for the change before it to be stored. */
    private void lock(String change) {
        try {
            if (lock.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ChainBusy(change, lockWait);
    }

    /** Takes what a store shared by replicas holds beyond our tip ({@link StoreCatchUp}): whether the tip moved. */
    public boolean catchUp() {
        return catchUp.run();
    }

    /**
     * Takes the stored chain, read under the store's lock, if longer than ours: in memory only, since writing it back
     * could delete a block another replica stored since it was read.
     */
    boolean adoptStored() {
        List<SealedBlock> stored = store.load();
        int shared = shared(blocks, stored);
        return shared < stored.size()
                && adopt(Optional.empty(), shared, List.copyOf(stored.subList(shared, stored.size())), () -> true);
    }
}
