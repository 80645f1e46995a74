package dev.blockmine.node.tcp;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.binary.Frame;

/**
 * The open jobs and their settlement. The chain decides who wins (its compare-and-append serves both protocols);
 * the board follows the chain: whenever the tip moves, from either protocol, the open jobs settle, the next one
 * opens, and every other holder is told {@code I}.
 * <p>
 * A G after new transactions arrived opens another job on the same tip that commits to them; jobs handed out
 * earlier stay open (their nonces still win a block, with the transactions they committed to) until the tip moves.
 */
public final class JobBoard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobBoard.class);

    private final Chain chain;
    private final BinaryDifficulty difficulty;
    private final long slot;
    private final boolean pushJobs;
    private final ReentrantLock lock = new ReentrantLock();
    private static final int BROADCAST_THREADS = Runtime.getRuntime().availableProcessors();
    /** The longest a G waits for an I broadcast to finish before it is answered anyway. */
    private static final Duration BROADCAST_HEAD_START = Duration.ofMillis(250);

    private final ExecutorService broadcasters = Executors.newFixedThreadPool(BROADCAST_THREADS,
            Thread.ofPlatform().daemon().name("tcp-broadcast-", 0).factory());
    private final ExecutorService stragglers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Job> openJobs = new ArrayList<>();
    private Job current;
    private int lastTxn;
    /** Open while the I of the last settled jobs are going out; see {@link #awaitBroadcast()}. */
    private volatile CountDownLatch broadcasting = new CountDownLatch(0);
    private volatile Consumer<String> outcomes = outcome -> { };

    public JobBoard(Chain chain, BinaryDifficulty difficulty, long slot, boolean pushJobs) {
        this.chain = chain;
        this.difficulty = difficulty;
        this.slot = slot;
        this.pushJobs = pushJobs;
        this.current = open();
        openJobs.add(current);
        chain.listen(ChainListeners.Turn.JOBS, change -> tipMoved());
    }

    /** Tells {@code outcomes} what each S came to: "accepted", "stale" (valid, too late) or "invalid". */
    public void reportOutcomesTo(Consumer<String> outcomes) {
        this.outcomes = outcomes;
    }

    /** The rule the next job will be given. */
    public BinaryRule rule() {
        return difficulty.current();
    }

    /** G: the open job, with a fresh miner number. Called under the miner's write lock (see MinerConnection#sendTask). */
    Frame.Task assign(MinerConnection miner) {
        lock.lock();
        try {
            if (current.next().tip() == chain.tip() && chain.pendingCount() != current.next().transactions().size()) {
                current = open();
                openJobs.add(current);
            }
            Frame.Task task = current.handTo(miner);
            miner.hold(current);
            return task;
        } finally {
            lock.unlock();
        }
    }

    /** S: A for the first valid nonce of an open job, I for a valid one too late, R for anything else. */
    Frame submit(MinerConnection miner, Frame.Solution solution) {
        Frame answer = judge(miner, solution);
        outcomes.accept(switch (answer) {
            case Frame.Accepted a -> "accepted";
            case Frame.Invalidated i -> "stale";
            default -> "invalid";
        });
        return answer;
    }

    private Frame judge(MinerConnection miner, Frame.Solution solution) {
        Job job = miner.held(solution.txn());
        if (job == null || !job.isValid(solution.nonce())) {
            return new Frame.Rejected(solution.txn());
        }
        if (job.isSettled() || !job.claim(miner)) {
            return new Frame.Invalidated(solution.txn());
        }
        SealedBlock forged = job.next().forge(BigInteger.valueOf(solution.nonce()), miner.name(),
                new ProvenBy.Binary(job.rule().zeroBits()), Clock.systemUTC());
        if (!chain.appendOn(job.next(), forged, Optional.empty())) {
            job.releaseClaim(miner); // not the winner: if the job is re-handed before it settles, it is told I
            return new Frame.Invalidated(solution.txn()); // an HTTP miner (or an earlier job) got there first
        }
        log.info("Forged block {} for binary miner {} with nonce {} (job {}, {} zero bits)", forged.index(),
                CanonicalJson.quote(miner.name()), solution.nonce(), job.txn(), job.rule().zeroBits());
        return new Frame.Accepted(solution.txn());
    }

    /** A closed connection holds nothing. */
    void forget(MinerConnection miner) {
        lock.lock();
        try {
            openJobs.forEach(job -> job.drop(miner));
        } finally {
            lock.unlock();
        }
    }

    /** The chain's listener: runs on whichever thread appended, HTTP or TCP. */
    private void tipMoved() {
        List<MinerConnection> holders;
        Function<MinerConnection, List<Job>> stopsFor;
        CountDownLatch done; // this broadcast's own: another block may open the next one before this one starts
        lock.lock();
        try {
            if (current.next().tip() == chain.tip()) {
                return; // a late notification: the jobs already follow the tip
            }
            if (openJobs.size() == 1) { // the usual case: no HashMap of thousands of entries in the way of the first I
                Job settled = openJobs.getFirst();
                List<Job> stop = List.of(settled);
                holders = settled.settle();
                stopsFor = holder -> stop;
            } else { // transactions arrived between G frames: a miner may hold several jobs, one write tells it all
                Map<MinerConnection, List<Job>> toTell = new LinkedHashMap<>();
                for (Job settled : openJobs) {
                    settled.settle().forEach(other -> toTell.computeIfAbsent(other, k -> new ArrayList<>(1)).add(settled));
                }
                holders = new ArrayList<>(toTell.keySet());
                stopsFor = toTell::get;
            }
            openJobs.clear();
            current = open(); // before any I goes out, so a G sent in answer to I gets the new job
            openJobs.add(current);
            done = new CountDownLatch(1);
            broadcasting = done;
        } finally {
            lock.unlock();
        }
        broadcast(holders, stopsFor, done);
    }

    /**
     * Tells every holder, split across one platform thread per core: an I is one small write per socket, and a
     * platform thread does them back to back far faster than one virtual thread per holder is scheduled. A holder
     * whose connection is busy writing (possibly stuck on a miner that stopped reading) is handed to a virtual thread
     * of its own, so it cannot hold up the others.
     */
    private void broadcast(List<MinerConnection> holders, Function<MinerConnection, List<Job>> stopsFor,
            CountDownLatch done) {
        new Broadcast(holders, stopsFor, done).start();
    }

    /** One I broadcast: its holders in slices, the latch a G waits on, and the line logged when it is over. */
    private final class Broadcast {

        private final List<MinerConnection> holders;
        private final Function<MinerConnection, List<Job>> stopsFor;
        private final CountDownLatch done;
        private final long started = System.nanoTime();
        private final AtomicInteger deferred = new AtomicInteger();
        private final AtomicInteger remaining;

        Broadcast(List<MinerConnection> holders, Function<MinerConnection, List<Job>> stopsFor, CountDownLatch done) {
            this.holders = holders;
            this.stopsFor = stopsFor;
            this.done = done;
            this.remaining = new AtomicInteger(Math.min(BROADCAST_THREADS, holders.size()));
        }

        void start() {
            int slices = remaining.get();
            if (slices == 0) {
                done.countDown();
                return;
            }
            for (int slice = 0; slice < slices; slice++) {
                List<MinerConnection> mine =
                        holders.subList(slice * holders.size() / slices, (slice + 1) * holders.size() / slices);
                try {
                    broadcasters.execute(() -> tellAll(mine));
                } catch (RejectedExecutionException e) {
                    done.countDown(); // the board is closing: nobody is to wait for this broadcast
                    return;
                }
            }
        }

        private void tellAll(List<MinerConnection> slice) {
            try {
                for (MinerConnection holder : slice) {
                    if (!tell(holder, stopsFor.apply(holder))) {
                        deferred.incrementAndGet();
                    }
                }
            } finally { // whatever happened, a G waiting on this broadcast must not wait for nothing
                if (remaining.decrementAndGet() == 0) {
                    done.countDown();
                    log.info("I sent to {} holder{} in {} ms{}", holders.size(), holders.size() == 1 ? "" : "s",
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6),
                            deferred.get() == 0 ? "" : " (" + deferred.get() + " busy, handed to threads of their own)");
                }
            }
        }
    }

    /**
     * Waits (briefly, at most {@link #BROADCAST_HEAD_START}) while the I of a won job are still going out. A G that
     * arrives then comes from a miner that already has its I; handing it a 1 KB T now would take the CPU from the
     * holders still waiting for their I. Stopping everyone's wasted work first and then handing out the next job
     * gets both done sooner, on a node whose cores are busy with the broadcast.
     */
    void awaitBroadcast() {
        try {
            broadcasting.await(BROADCAST_HEAD_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the holder was busy and its I went to a thread of its own */
    private boolean tell(MinerConnection holder, List<Job> stops) {
        boolean sent = holder.tryTellStopped(stops);
        if (!sent) {
            stragglers.execute(() -> holder.tellStopped(stops));
        }
        if (pushJobs) {
            stragglers.execute(() -> holder.sendTask(true)); // the write lock keeps any I for the new job behind its T
        }
        return sent;
    }

    private Job open() {
        lastTxn = (lastTxn + 1) & 0xFFFF;
        return new Job(lastTxn, chain.nextBlock(), difficulty.current(), slot);
    }

    @Override
    public void close() {
        broadcasters.shutdownNow();
        stragglers.shutdownNow();
    }
}
