package dev.blockmine.node.tcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.limits.RetryPauses;
import dev.blockmine.node.mining.Verdict;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.binary.Frame;

/**
 * The open jobs and their settlement. The chain decides who wins (its compare-and-append serves both protocols);
 * the board follows the chain: whenever the tip moves, from either protocol, the open jobs settle, the next one
 * opens, and every other holder is told {@code I} ({@link StopBroadcast}). S frames are judged by a
 * {@link SolutionJudge}.
 * <p>
 * A G after new transactions arrived opens another job on the same tip that commits to them; jobs handed out
 * earlier stay open (their nonces still win a block, with the transactions they committed to) until the tip moves.
 */
public final class JobBoard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobBoard.class);
    /** How long the board waits before it tries again to open the job of a new tip. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Chain chain;
    private final BinaryDifficulty difficulty;
    private final long slot;
    private final ReentrantLock lock = new ReentrantLock();
    private final StopBroadcast stops;
    private final SolutionJudge judge;
    private final List<Job> openJobs = new ArrayList<>();
    /** Replaced under the lock; read without it by a G that first looks whether the pending transactions changed. */
    private volatile Job current;
    private int lastTxn;
    private volatile boolean closed;

    public JobBoard(Chain chain, BinaryDifficulty difficulty, long slot, boolean pushJobs) {
        this(chain, difficulty, slot, pushJobs, NodeProperties.Tcp.Solutions.defaults().hashingPermits());
    }

    /** @param hashingPermits S frames hashed at once, node-wide */
    public JobBoard(Chain chain, BinaryDifficulty difficulty, long slot, boolean pushJobs, int hashingPermits) {
        this.chain = chain;
        this.difficulty = difficulty;
        this.slot = slot;
        this.stops = new StopBroadcast(pushJobs);
        this.judge = new SolutionJudge(chain, hashingPermits);
        this.current = open(chain.nextBlock());
        openJobs.add(current);
        chain.listen(ChainListeners.Turn.JOBS, change -> followTip());
    }

    /** Tells {@code outcomes} what each S came to. */
    public void reportOutcomesTo(Consumer<Verdict> outcomes) {
        judge.reportTo(outcomes);
    }

    /** The rule the next job will be given. */
    public BinaryRule rule() {
        return difficulty.current();
    }

    /**
     * G: the open job, with a fresh miner number. Called under the miner's write lock (see MinerConnection#sendTask).
     * What the chain holds (a database read with that store) is read before the board's lock: a slow read delays this
     * miner's G only, never the others' G or the settlement of a won job.
     */
    Frame.Task assign(MinerConnection miner) {
        Job seen = current;
        NextBlock fresh = chain.pendingCount() != seen.next().transactions().size() ? chain.nextBlock() : null;
        lock.lock();
        try {
            if (fresh != null && current == seen && fresh.tip() == seen.next().tip() && fresh.tip() == chain.tip()) {
                current = open(fresh); // transactions arrived on the same tip: a job that commits to them
                openJobs.add(current);
            }
            Frame.Task task = current.handTo(miner);
            miner.jobs().hold(current);
            return task;
        } finally {
            lock.unlock();
        }
    }

    /** S: Forged for the first valid nonce of an open job, Stale for a valid one too late, Invalid for anything else. */
    Verdict submit(MinerConnection miner, Frame.Solution solution) {
        return judge.judge(miner, solution);
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

    /** Waits briefly while the I of a won job are still going out (see {@link StopBroadcast#awaitRound()}). */
    void awaitBroadcast() {
        stops.awaitRound();
    }

    /**
     * The chain's listener: runs on whichever thread appended, HTTP or TCP. When the next job cannot be opened (its
     * block reads the pending transactions, from PostgreSQL with that store) nothing has changed yet: the board
     * tries again every second, on a thread of its own, rather than leave its miners on a dead job with no block to come.
     */
    private void followTip() {
        try {
            tipMoved();
        } catch (RuntimeException e) {
            if (!closed) {
                couldNotOpen(e);
                Thread.ofVirtual().name("job-board-retry").start(this::retryTip);
            }
        }
    }

    private void retryTip() {
        while (RetryPauses.rest(RETRY) && !closed) { // interrupted only when shutting down
            try {
                tipMoved();
                return;
            } catch (RuntimeException e) {
                couldNotOpen(e);
            }
        }
    }

    private static void couldNotOpen(RuntimeException e) {
        log.warn("Could not open the job for the new tip ({}); trying again in {} s", e.toString(), RETRY.toSeconds());
    }

    private void tipMoved() {
        List<MinerConnection> holders;
        Function<MinerConnection, List<Job>> stopsFor;
        CountDownLatch done; // this broadcast's own: another block may open the next one before this one starts
        // read before the lock (a database read with that store): if it fails, nothing is settled and the retry finds
        // the board as it was
        NextBlock on = chain.nextBlock();
        lock.lock();
        try {
            if (current.next().tip() == chain.tip() || on.tip() != chain.tip()) {
                return; // a late notification: the jobs already follow the tip, or a newer tip's own notification will
            }
            Job next = open(on);
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
            current = next; // before any I goes out, so a G sent in answer to I gets the new job
            openJobs.add(current);
            done = stops.begin();
        } finally {
            lock.unlock();
        }
        stops.send(holders, stopsFor, done);
    }

    private Job open(NextBlock next) {
        lastTxn = (lastTxn + 1) & 0xFFFF;
        return new Job(lastTxn, next, difficulty.current(), slot);
    }

    @Override
    public void close() {
        closed = true;
        stops.close();
    }
}
