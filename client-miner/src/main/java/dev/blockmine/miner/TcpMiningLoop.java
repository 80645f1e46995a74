package dev.blockmine.miner;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.SequencedSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.SearchControl;

/**
 * The miner's loop on the binary protocol: G, then for each T search the slot, send S, count the A / I / R answer,
 * and ask again; until stopped. An I for the job being searched cancels the search at once (frames are read on
 * their own thread). A node that goes away is retried with back-off; nothing the node does ends the loop.
 */
public final class TcpMiningLoop {

    /**
     * How long the miner waits for the node's answer to its G or S (the node answers at once; a G during an I
     * broadcast waits for it, a fraction of a second): past it the connection counts as half-open and is replaced.
     * While the miner searches it waits for nothing, and its search ends within a slot's time with a G.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** Job numbers already over (won, lost or rejected): late copies of their frames are ignored. */
    private static final int REMEMBERED_JOBS = 16;

    private record Searching(int txn, SearchControl control) {
    }

    private final TcpAddress address;
    private final NonceSearch search;
    private final String name;
    private final PrintStream out;
    private final AtomicReference<Searching> searching = new AtomicReference<>();
    private final AtomicReference<TcpSession> session = new AtomicReference<>();
    private final Duration answerTimeout;
    private final Stopper stopper = new Stopper();
    private final Retries retries;
    private final CoinTally tally;
    private final SequencedSet<Integer> over = new LinkedHashSet<>();
    /** Jobs the reader heard an I for after their latest T (frames are read in wire order). */
    private final Set<Integer> invalidatedSinceTask = ConcurrentHashMap.newKeySet();
    private volatile boolean connectionOver;
    /** The job whose search was last announced: further slots of it are searched without a line each. */
    private int announced = -1;
    private long jobStarted;
    private long lost;
    private long rejected;

    /**
     * @param address the node, {@code HOST:PORT}
     * @param name the miner's name, at most 10 bytes of UTF-8: the node rewards it
     * @param stopAfterBlocksWon stop once this many blocks are won; 0 mines until {@link #stop()}
     */
    public TcpMiningLoop(String address, NonceSearch search, String name, long stopAfterBlocksWon, PrintStream out) {
        this(address, search, name, stopAfterBlocksWon, out, ANSWER_TIMEOUT);
    }

    /** @param answerTimeout how long an answer to G or S may take before the connection counts as half-open */
    TcpMiningLoop(String address, NonceSearch search, String name, long stopAfterBlocksWon, PrintStream out,
            Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
        this.address = TcpAddress.parse(address);
        this.search = search;
        this.name = name;
        this.out = out;
        this.retries = new Retries(out, stopper);
        this.tally = new CoinTally(out, stopAfterBlocksWon);
        FrameCodec.encodeName(name); // refuses a name over 10 bytes now, not at the first G
    }

    /** Ends the loop soon: the search is cancelled, the connection closed, any back-off wait cut short. */
    public void stop() {
        stopper.stop();
        TcpSession current = session.get();
        if (current != null) {
            current.close();
        }
    }

    public boolean isStopped() {
        return stopper.isStopped();
    }

    public long lost() {
        return lost;
    }

    public long rejected() {
        return rejected;
    }

    public MiningSummary run() {
        long started = System.nanoTime();
        while (!isStopped() && !tally.goalReached()) {
            connectionOver = false;
            try (TcpSession connected = TcpSession.open(address, Duration.ofSeconds(10), this::heard)) {
                session.set(connected);
                if (isStopped()) {
                    break; // stop() may have run before the session was set
                }
                out.printf("Connected to %s as %s%n", address, CanonicalJson.quote(name));
                String why = mine(connected);
                if (!isStopped()) {
                    retries.pause("Disconnected: " + why);
                }
            } catch (IOException e) {
                retries.pause("Cannot reach the node at " + address + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                session.set(null);
            }
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Mines on one connection until it ends; returns why it ended. */
    private String mine(TcpSession connected) throws IOException, InterruptedException {
        // job numbers start again on a restarted node: forget those of the last connection
        announced = -1;
        over.clear();
        invalidatedSinceTask.clear();
        connected.send(new Frame.Get(name));
        Integer job = null; // the txn being searched or awaiting its answer
        while (!isStopped() && !tally.goalReached()) {
            TcpSession.Event event = connected.next(answerTimeout);
            switch (event) {
                case TcpSession.Ended ended -> {
                    return ended.why();
                }
                case TcpSession.Received(Frame.Quit quit) -> {
                    return "the node said Q (shutting down)";
                }
                case TcpSession.Received(Frame.Task task) -> {
                    if (over.contains(task.txn()) || (job != null && job != task.txn())) {
                        continue; // a late T for a job that is over, or a second T while one is in hand
                    }
                    retries.succeeded();
                    job = task.txn();
                    SearchControl control = stopper.nextSearch();
                    OptionalLong nonce = searchSlot(task, control);
                    if (nonce.isPresent()) {
                        connected.send(new Frame.Solution(task.txn(), nonce.getAsLong()));
                    } else if (!control.isCancelled()) {
                        job = null; // slot exhausted: a fresh one for the same job (not printed: several a second)
                        connected.send(new Frame.Get(name));
                    } // else cancelled by the frame (I, Q) or end of connection now waiting in the queue, or by stop()
                }
                case TcpSession.Received(Frame.Accepted accepted) -> {
                    if (finish(accepted.txn(), job)) {
                        tally.won("A for job " + accepted.txn());
                        job = null;
                        if (!tally.goalReached()) {
                            connected.send(new Frame.Get(name));
                        }
                    }
                }
                case TcpSession.Received(Frame.Invalidated invalidated) -> {
                    if (finish(invalidated.txn(), job)) {
                        lost++;
                        out.printf("Job %d was won by someone else (I); asking for the next job%n", invalidated.txn());
                        job = null;
                        connected.send(new Frame.Get(name));
                    }
                }
                case TcpSession.Received(Frame.Rejected rejection) -> {
                    if (finish(rejection.txn(), job)) {
                        rejected++;
                        tally.refused("R for job " + rejection.txn() + " (nonce refused)");
                        job = null;
                        connected.send(new Frame.Get(name));
                    }
                }
                case TcpSession.Received(Frame other) -> out.printf("Ignoring an unexpected frame: %s%n", other);
            }
        }
        return "stopped";
    }

    /** Marks a job over; true when it was the job in hand (an answer worth counting). */
    private boolean finish(int txn, Integer job) {
        boolean first = over.add(txn);
        if (over.size() > REMEMBERED_JOBS) {
            over.removeFirst();
        }
        return first && job != null && job == txn;
    }

    private OptionalLong searchSlot(Frame.Task task, SearchControl control) {
        searching.set(new Searching(task.txn(), control));
        // the reader may have heard the end of this job before the search began
        if (isStopped() || connectionOver || invalidatedSinceTask.contains(task.txn())) {
            control.cancel();
        }
        if (task.txn() != announced) {
            announced = task.txn();
            jobStarted = System.nanoTime();
            out.printf("Job %d: searching nonces from %d (slots of %d, %d zero bits, %d thread%s, %s engine)%n", task.txn(),
                    task.slotStart(), task.slot(), task.zeroBits(), search.threads(), search.threads() == 1 ? "" : "s", search.name());
        }
        long started = System.nanoTime();
        OptionalLong nonce = search.search(task.data(), task.zeroBits(), task.slotStart(), task.slot(), control);
        searching.set(null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        tally.tried(control.tried());
        String rate = Format.rate(control.tried(), took);
        Duration onJob = Duration.ofNanos(System.nanoTime() - jobStarted);
        if (nonce.isPresent()) {
            out.printf("Job %d: found nonce %d in %s (%s); sending S%n", task.txn(), nonce.getAsLong(), Format.seconds(onJob), rate);
        } else if (control.isCancelled()) {
            out.printf("Job %d: search stopped after %s (%s)%n", task.txn(), Format.seconds(onJob), rate);
        }
        return nonce;
    }

    /** The reader thread's first look at every frame: an I, Q or lost connection stops the search at once. */
    private void heard(TcpSession.Event event) {
        switch (event) {
            case TcpSession.Received(Frame.Task t) -> invalidatedSinceTask.remove(t.txn());
            case TcpSession.Received(Frame.Invalidated i) -> invalidatedSinceTask.add(i.txn());
            case TcpSession.Received(Frame.Quit q) -> connectionOver = true;
            case TcpSession.Ended e -> connectionOver = true;
            default -> {
            }
        }
        Searching current = searching.get();
        if (current == null) {
            return;
        }
        boolean stop = switch (event) {
            case TcpSession.Received(Frame.Invalidated i) -> i.txn() == current.txn();
            case TcpSession.Received(Frame.Quit q) -> true;
            case TcpSession.Ended e -> true;
            default -> false;
        };
        if (stop) {
            current.control().cancel();
        }
    }
}
