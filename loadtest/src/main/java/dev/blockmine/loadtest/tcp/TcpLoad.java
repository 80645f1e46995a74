package dev.blockmine.loadtest.tcp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.blockmine.loadtest.Percentiles;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.search.DigestNonceSearch;
import dev.blockmine.pow.search.SearchControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Load on a running node's binary protocol, in three phases, and a fourth for scale:
 * <ol>
 *   <li>connect N simulated miners, each holding the open job (G → T): connections held;</li>
 *   <li>a few of them flood S frames with random nonces (each must be hashed by the node), a window in flight per
 *       connection: S validated per second, counted from the answers (R, I, A);</li>
 *   <li>rounds of: find a real nonce, send it from one miner, time the I at every other holder from the moment the
 *       S was sent (when it was due: nothing waits before it, so no delay is left out of the count): I broadcast
 *       latency, p50 / p99 over all holders and rounds; a few warm-up rounds first are reported apart;</li>
 *   <li>the same rounds against a {@link BareFanoutServer} in this process: the floor the machine's own sockets set
 *       for such a fan-out, printed next to the node's numbers with their ratio.</li>
 * </ol>
 * Run it with a node at a lowered {@code node.tcp.zero-bits} (scripts/tcp-load.sh uses 22) so phase 3 finds nonces
 * quickly; the target changes neither the cost of validating an S nor that of broadcasting an I.
 */
@Command(name = "tcp-load", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Opens N simulated miners against a node's binary protocol and reports connections held, "
                + "S validated per second and I broadcast latency (p50/p99).")
public final class TcpLoad implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST:PORT", defaultValue = "localhost:5001",
            description = "The node's binary protocol (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(names = {"-n", "--connections"}, defaultValue = "5000", description = "Simulated miners (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--flooders", defaultValue = "32", description = "Miners sending S frames in phase 2 (default: ${DEFAULT-VALUE}).")
    int flooders;

    @Option(names = "--window", defaultValue = "128", description = "S frames in flight per flooder (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of phase 2 (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "20", description = "Measured I broadcast rounds in phase 3 (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "3", description = "Rounds before those, reported apart: the "
            + "node's first broadcasts run before the JIT has compiled that path (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--ask-on-invalidate", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Holders send G the moment their I arrives, as real miners do (default: ${DEFAULT-VALUE}); "
                    + "--no-ask-on-invalidate times the I broadcast alone, without the G/T storm it triggers.")
    boolean askOnInvalidate;

    @Option(names = "--receivers", defaultValue = "1", description = "Threads reading the miners' connections, each "
            + "with a selector over its share (default: ${DEFAULT-VALUE}).")
    int receivers;

    @Option(names = "--floor", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Then run the same rounds against a bare NIO fan-out server in this process, the floor the "
                    + "machine's sockets set, and print both with their ratio (default: ${DEFAULT-VALUE}).")
    boolean floor;

    @Option(names = {"-v", "--per-round"}, description = "Also print each round's first, median, 99th percentile and last I.")
    boolean perRound;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final ConcurrentHashMap<Integer, Long> roundStart = new ConcurrentHashMap<>();
    /** Each I's latency, from the moment the winner's S was sent; read (and emptied) after every round. */
    private final Recorder latencies = Percentiles.recorder();
    private final AtomicInteger invalidatedThisRound = new AtomicInteger();
    private final Set<Integer> heardThisRound = ConcurrentHashMap.newKeySet();

    public TcpLoad(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new CommandLine(new TcpLoad(out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (receivers < 1 || connections < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--receivers and --connections must be at least 1");
        }
        int colon = node.lastIndexOf(':');
        String host = node.substring(0, colon);
        int port = Integer.parseInt(node.substring(colon + 1));
        LongAdder answers = new LongAdder();
        Receiver receiver = new Receiver(receivers);
        List<SimulatedMiner> miners = connect(host, port, receiver, answers);
        Percentiles ofNode;
        int zeroBits;
        try {
            out.printf(Locale.ROOT, "connections held: %d of %d%n", miners.stream().filter(m -> !m.isClosed()).count(), connections);
            floodPhase(miners, answers);
            zeroBits = miners.isEmpty() ? 0 : miners.getFirst().task().zeroBits();
            ofNode = broadcastPhase(miners, "phase 3");
        } finally {
            miners.forEach(SimulatedMiner::close);
            receiver.close();
        }
        if (floor && ofNode != null && ofNode.count() > 0) {
            floorPhase(zeroBits, ofNode);
        }
        return 0;
    }

    /**
     * Phase 4: the same rounds, miners and receiver against {@link BareFanoutServer} on this machine, so the node's
     * numbers can be read against what the machine's sockets allow at all.
     */
    private void floorPhase(int zeroBits, Percentiles ofNode) throws Exception {
        Thread.sleep(1_000); // let the node's connections finish closing
        LongAdder answers = new LongAdder();
        try (BareFanoutServer bare = new BareFanoutServer(zeroBits); Receiver receiver = new Receiver(receivers)) {
            List<SimulatedMiner> miners = connect("127.0.0.1", bare.port(), receiver, answers);
            try {
                Percentiles ofFloor = broadcastPhase(miners, "phase 4 (floor: a bare NIO fan-out server, same machine)");
                if (ofFloor != null && ofFloor.count() > 0) {
                    out.printf(Locale.ROOT, "%n| I to all holders | p50 ms | p99 ms | max ms |%n|---|---|---|---|%n");
                    for (var row : List.of(Map.entry("bare fan-out server (floor)", ofFloor), Map.entry("node", ofNode))) {
                        Percentiles p = row.getValue();
                        out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", row.getKey(), p.millisAt(50), p.millisAt(99), p.millisAt(100));
                    }
                    out.printf(Locale.ROOT, "node / floor: p50 %.2fx, p99 %.2fx%n", ofNode.at(50) / (double) ofFloor.at(50),
                            ofNode.at(99) / (double) ofFloor.at(99));
                }
            } finally {
                miners.forEach(SimulatedMiner::close);
            }
        }
    }

    private List<SimulatedMiner> connect(String host, int port, Receiver receiver, LongAdder answers)
            throws InterruptedException {
        List<SimulatedMiner> miners = Collections.synchronizedList(new ArrayList<>());
        Semaphore connecting = new Semaphore(256); // do not overrun the accept backlog
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService openers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                int id = i;
                openers.execute(() -> {
                    try {
                        connecting.acquire();
                        try {
                            miners.add(new SimulatedMiner(id, host, port, receiver, this::invalidated, answers, window, askOnInvalidate));
                        } finally {
                            connecting.release();
                        }
                    } catch (IOException | InterruptedException e) {
                        if (failures.incrementAndGet() <= 3) {
                            out.println("connect failed: " + e);
                        }
                    }
                });
            }
        }
        awaitAllHolding(miners, 30, -1);
        out.printf(Locale.ROOT, "phase 1: %d connections opened in %.1f s (%d failed), all holding job %s%n", miners.size(),
                (System.nanoTime() - started) / 1e9, failures.get(), miners.isEmpty() ? "-" : miners.getFirst().task().txn());
        return new ArrayList<>(miners);
    }

    private void floodPhase(List<SimulatedMiner> miners, LongAdder answers) throws InterruptedException {
        if (seconds <= 0 || flooders <= 0) {
            return;
        }
        List<SimulatedMiner> floodingMiners = miners.subList(0, Math.min(flooders, miners.size()));
        long warmup = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long end = warmup + TimeUnit.SECONDS.toNanos(seconds);
        long countedFrom;
        long countedTo;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SimulatedMiner miner : floodingMiners) {
                SplittableRandom random = new SplittableRandom(miner.id());
                senders.execute(() -> {
                    try {
                        miner.flood(end, random);
                    } catch (IOException | InterruptedException e) {
                        out.println("flood stopped: " + e);
                    }
                });
            }
            // counted over the measured seconds only: not the first second's ramp-up, not the drain after the end
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(warmup - System.nanoTime()));
            countedFrom = answers.sum();
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
            countedTo = answers.sum();
        }
        long validated = countedTo - countedFrom;
        out.printf(Locale.ROOT, "phase 2: %d flooders x %d in flight for %d s: %,d S answered = %,.0f S validated/s%n",
                floodingMiners.size(), window, seconds, validated, validated / (double) seconds);
        Thread.sleep(500); // let the last answers drain before phase 3
    }

    /** @return the measured rounds' latencies, or null when there were no rounds */
    private Percentiles broadcastPhase(List<SimulatedMiner> all, String label) throws Exception {
        // the node closes flooders whose S are mostly refused (its S penalty): they hold no job and hear no I
        List<SimulatedMiner> miners = all.stream().filter(m -> !m.isClosed()).toList();
        if (miners.size() < all.size()) {
            out.printf("%s: %d of %d miners were closed by the node (phase 2's flooders, cut off by its S limits); "
                    + "the rounds count the other %d%n", label, all.size() - miners.size(), all.size(), miners.size());
        }
        if (rounds <= 0 || miners.size() < 2) {
            return null;
        }
        Histogram warmup = Percentiles.histogram();
        Histogram measured = Percentiles.histogram();
        latencies.reset();
        SimulatedMiner winner = miners.getLast(); // not a flooder
        int holders = miners.size() - 1;
        if (!askOnInvalidate) {
            for (SimulatedMiner miner : miners) {
                miner.ask(); // jobs won during phase 2 left them holding old ones
            }
        }
        try (DigestNonceSearch search = new DigestNonceSearch(Runtime.getRuntime().availableProcessors())) {
            int settled = -1;
            for (int round = 0; round < warmupRounds + rounds; round++) {
                awaitAllHolding(miners, 30, settled); // the next job: right after a round they may still hold the last one
                Frame.Task task = winner.task();
                settled = task.txn();
                OptionalLong nonce = search.search(task.data(), task.zeroBits(), 0, 1L << 32, new SearchControl());
                if (nonce.isEmpty()) {
                    out.println("no nonce in the whole space; skipping the round");
                    continue;
                }
                invalidatedThisRound.set(0);
                heardThisRound.clear();
                roundStart.put(task.txn(), System.nanoTime());
                winner.send(new Frame.Solution(task.txn(), nonce.getAsLong()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (invalidatedThisRound.get() < holders && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                roundStart.remove(task.txn());
                Histogram ofRound = latencies.getIntervalHistogram(); // an I recorded as the round ends may fall in the next
                (round < warmupRounds ? warmup : measured).add(ofRound);
                if (perRound) {
                    Percentiles r = Percentiles.of(ofRound);
                    out.printf(Locale.ROOT, "round %d%s: %d I, first %.2f ms, p50 %.2f ms, p99 %.2f ms, last %.2f ms%n",
                            round + 1, round < warmupRounds ? " (warm-up)" : "", r.count(), r.millisAt(0),
                            r.millisAt(50), r.millisAt(99), r.millisAt(100));
                }
                if (invalidatedThisRound.get() < holders) {
                    out.printf("round %d: only %d of %d holders got I within 10 s (the winner's S for job %d was answered %s); "
                            + "not: %s%n", round + 1, invalidatedThisRound.get(), holders, task.txn(), winner.lastAnswer(), miners.stream().filter(m -> m != winner && !heardThisRound.contains(m.id()))
                                    .map(m -> m.id() + (m.isClosed() ? " (closed)" : " holding " + m.task().txn())).limit(10).toList());
                }
                winner.ask(); // the winner gets A, not I: it asks for the next job itself
                if (!askOnInvalidate) {
                    for (SimulatedMiner miner : miners.subList(0, holders)) {
                        miner.ask();
                    }
                }
            }
        }
        if (warmupRounds > 0) {
            Percentiles w = Percentiles.of(warmup);
            out.printf(Locale.ROOT, "%s warm-up: %d rounds, %d I received: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                    + "(not counted below)%n", label, warmupRounds, w.count(), w.millisAt(50), w.millisAt(99), w.millisAt(100));
        }
        Percentiles p = Percentiles.of(measured);
        out.printf(Locale.ROOT, "%s: %d rounds, %d I received by %d holders (%s): I broadcast latency p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", label, rounds, p.count(), holders,
                askOnInvalidate ? "each sends G on I" : "G only after the round", p.millisAt(50), p.millisAt(99), p.millisAt(100));
        return p;
    }

    private void invalidated(SimulatedMiner miner, int txn, long receivedNanos) {
        Long start = roundStart.get(txn);
        if (start != null) {
            latencies.recordValue(receivedNanos - start);
            invalidatedThisRound.incrementAndGet();
            heardThisRound.add(miner.id());
        }
    }

    /** Waits until every open connection holds the same job, other than {@code notTxn}. */
    private void awaitAllHolding(List<SimulatedMiner> miners, int seconds, int notTxn) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            List<SimulatedMiner> open;
            synchronized (miners) {
                open = miners.stream().filter(m -> !m.isClosed()).toList();
            }
            if (!open.isEmpty() && open.stream().allMatch(m -> m.task() != null && m.task().txn() != notTxn)
                    && open.stream().map(m -> m.task().txn()).distinct().count() == 1) {
                return;
            }
            Thread.sleep(10);
        }
        out.printf("warning: after %d s, not every connection holds the same job%n", seconds);
    }
}
