package dev.blockmine.loadtest.growth;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.loadtest.Percentiles;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the node's costs grow with its chain: for chains of each length, built at a low difficulty and loaded by a
 * durable node at start, the restart time and heap, {@code POST /mine} and {@code GET /balance} latency, a fresh
 * peer's sync, one block of catch-up (bytes on the wire and time), and many parallel {@code GET /chain} with a
 * bystander asking {@code /last_block}. Ratios are against the shortest chain, measured in the same run.
 */
@Command(name = "growth-bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Measures how the node's costs grow with the length of its chain.")
public final class GrowthBench implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000,1000000",
            description = "Chain lengths, in blocks (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--readers", defaultValue = "50", description = "Parallel GET /chain (default: ${DEFAULT-VALUE}).")
    int readers;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of each node (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jar", defaultValue = "node/target/node.jar", description = "The node (default: ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--work", defaultValue = "target/growth", description = "Chains and logs (default: ${DEFAULT-VALUE}).")
    Path work;

    private static final ProofRule RULE = new ProofRule(1);

    /** One chain length's figures. */
    record Row(int blocks, long blockBytes, double firstStartSeconds, long firstLoadMillis, double restartSeconds,
            long restartLoadMillis, double explainedMs, double accountMs, long liveHeap, double minePerMs, double balanceMs,
            double syncSeconds, long catchUpBytes, double catchUpMs, double firstByteP50, double firstByteMax,
            double chainSeconds, int complete, int failed, double bystanderMaxMs, long heapPeak) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GrowthBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        Path log = work.resolve("nodes.log");
        long baseHeap;
        try (NodeUnderTest empty = NodeUnderTest.start(jar, heap, log, "node.difficulty=1")) {
            baseHeap = empty.liveHeap();
        }
        List<Row> rows = new ArrayList<>();
        for (int blocks : sizes) {
            System.out.printf(Locale.ROOT, "%,d blocks: building the chain...%n", blocks);
            rows.add(measure(ChainFile.make(work, blocks, RULE), log));
            print(rows, baseHeap);
        }
        return 0;
    }

    private Row measure(ChainFile file, Path log) throws Exception {
        Path data = file.dataDir(work);
        double firstStart;
        long firstLoad;
        try (NodeUnderTest first = NodeUnderTest.start(jar, heap, log, "node.difficulty=1", "node.store=durable",
                "node.data-dir=" + data)) {
            firstStart = first.startUp.toNanos() / 1e9; // no checkpoint yet: the whole journal is validated
            firstLoad = first.chainLoadMillis;
        } // stopping writes the checkpoint the restart takes up
        try (NodeUnderTest a = NodeUnderTest.start(jar, heap, log, "node.difficulty=1", "node.store=durable",
                "node.data-dir=" + data)) {
            System.out.printf(Locale.ROOT, "  first start %.1f s (chain %d ms), restart %.1f s (chain %d ms); measuring...%n",
                    firstStart, firstLoad, a.startUp.toNanos() / 1e9, a.chainLoadMillis);
            long live = a.liveHeap();
            double mine = mineMedian(a, 200);
            double balance = median(a, "/balance?id=miner-3", 500);
            // the explorer's JSON: a block explained (mid-chain), a busy miner's history
            double explained = median(a, "/blocks/" + (file.blocks() / 2) + "/explained", 200);
            double account = median(a, "/accounts?id=miner-3&page=1&limit=20", 200);
            Readers chains = readChains(a, file.blocks() + 200);
            try (NodeUnderTest b = NodeUnderTest.start(jar, heap, log, "node.difficulty=1");
                    CountingProxy proxy = new CountingProxy(Integer.parseInt(a.url.substring(a.url.lastIndexOf(':') + 1)))) {
                b.post("/nodes/register", "{\"nodes\": [\"" + proxy.url() + "\"]}");
                double sync = resolveSeconds(b);
                check(a, b);
                long[] catchUps = new long[5]; // the median of five: one block behind each time
                long bytes = 0;
                for (int i = 0; i < catchUps.length; i++) {
                    mine(a);
                    proxy.takeAnswered();
                    catchUps[i] = Math.round(resolveSeconds(b) * 1e9);
                    bytes = Math.max(bytes, proxy.takeAnswered());
                    check(a, b);
                }
                double catchUp = Percentiles.of(catchUps).millisAt(50);
                return new Row(file.blocks(), file.averageBlockBytes(), firstStart, firstLoad, a.startUp.toNanos() / 1e9,
                        a.chainLoadMillis, explained, account, live, mine,
                        balance,
                        sync, bytes, catchUp, chains.firstByte.millisAt(50), chains.firstByte.millisAt(100),
                        chains.seconds, chains.complete, chains.failed, chains.bystanderMax / 1e6, chains.heapPeak);
            }
        }
    }

    /** Time until the resolve has run (its answer, our whole chain, is not read: that is the caller's cost). */
    private static double resolveSeconds(NodeUnderTest node) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> answer = node.stream("/nodes/resolve");
        double seconds = (System.nanoTime() - start) / 1e9;
        answer.body().close();
        return seconds;
    }

    private static void check(NodeUnderTest a, NodeUnderTest b) throws IOException, InterruptedException {
        String ours = CanonicalJson.encode(a.get("/last_block"));
        String theirs = CanonicalJson.encode(b.get("/last_block"));
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the peer did not catch up: " + theirs + " vs " + ours);
        }
    }

    private static long mine(NodeUnderTest node) throws IOException, InterruptedException {
        String tip = CanonicalJson.encode(node.get("/last_block").get("last_block"));
        long proof = 0;
        while (!RULE.isValid(tip, BigInteger.valueOf(proof))) {
            proof++;
        }
        long start = System.nanoTime();
        int status = node.post("/mine", "{\"proof\": " + proof + ", \"id\": \"bench\"}").statusCode();
        long took = System.nanoTime() - start;
        if (status != 200) {
            throw new IllegalStateException("POST /mine answered " + status);
        }
        return took;
    }

    private static double mineMedian(NodeUnderTest node, int times) throws IOException, InterruptedException {
        long[] samples = new long[times];
        for (int i = 0; i < times; i++) {
            samples[i] = mine(node);
        }
        return Percentiles.of(samples).millisAt(50);
    }

    private static double median(NodeUnderTest node, String path, int times) throws IOException, InterruptedException {
        long[] samples = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            if (node.status(path) != 200) {
                throw new IllegalStateException(path + " failed");
            }
            samples[i] = System.nanoTime() - start;
        }
        return Percentiles.of(samples).millisAt(50);
    }

    private record Readers(Percentiles firstByte, double seconds, int complete, int failed, long bystanderMax, long heapPeak) {
    }

    /** {@code readers} parallel whole chains, each read to its end and checked, while a bystander asks for the tip. */
    private Readers readChains(NodeUnderTest node, int length) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong bystanderMax = new AtomicLong();
        AtomicLong heapPeak = new AtomicLong();
        Thread bystander = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    node.status("/last_block");
                    bystanderMax.accumulateAndGet(System.nanoTime() - start, Math::max);
                    heapPeak.accumulateAndGet(node.heapUsed(), Math::max);
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    bystanderMax.set(Long.MAX_VALUE);
                    return;
                }
            }
        });
        long[] firstBytes = new long[readers];
        int complete = 0;
        int failed = 0;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                int reader = i;
                reads.add(pool.submit(() -> {
                    long asked = System.nanoTime();
                    HttpResponse<InputStream> answer = node.stream("/chain");
                    try (InputStream body = answer.body()) {
                        byte[] buffer = new byte[64 * 1024];
                        int n = body.read(buffer);
                        firstBytes[reader] = System.nanoTime() - asked;
                        byte[] tail = new byte[0];
                        while (n > 0) {
                            tail = lastBytes(tail, buffer, n);
                            n = body.read(buffer);
                        }
                        String end = new String(tail, StandardCharsets.US_ASCII);
                        return answer.statusCode() == 200 && end.endsWith("\"length\": " + lengthOf(end) + "}")
                                && lengthOf(end) >= length - 200;
                    }
                }));
            }
            for (Future<Boolean> read : reads) {
                if (read.get()) {
                    complete++;
                } else {
                    failed++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        bystander.join();
        return new Readers(Percentiles.of(firstBytes), seconds, complete, failed, bystanderMax.get(), heapPeak.get());
    }

    private static byte[] lastBytes(byte[] tail, byte[] buffer, int n) {
        byte[] joined = new byte[Math.min(64, tail.length + n)];
        int fromBuffer = Math.min(n, joined.length);
        int fromTail = joined.length - fromBuffer;
        System.arraycopy(tail, tail.length - fromTail, joined, 0, fromTail);
        System.arraycopy(buffer, n - fromBuffer, joined, fromTail, fromBuffer);
        return joined;
    }

    private static long lengthOf(String end) {
        int at = end.lastIndexOf("\"length\": ");
        return at < 0 ? -1 : Long.parseLong(end.substring(at + 10, end.length() - 1));
    }

    private void print(List<Row> rows, long baseHeap) {
        Row base = rows.getFirst();
        System.out.println();
        System.out.printf(Locale.ROOT, "| blocks | block string | first start (chain) | restart (chain) | heap per block | POST /mine p50 | GET /balance p50 "
                + "| fresh peer sync | 1-block catch-up | GET /chain x%d: first byte p50 / max | all read in | not complete "
                + "| bystander max | heap peak |%n", readers);
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            // heap per block: against an empty node for the first chain, then the slope from the first chain on
            long perBlock = row == base ? (row.liveHeap() - baseHeap) / row.blocks()
                    : (row.liveHeap() - base.liveHeap()) / Math.max(1, row.blocks() - base.blocks());
            System.out.printf(Locale.ROOT, "| %,d | %d B | %.1f s (%.1f s) | %.1f s (%.2f s) | %d B (%.1fx) | %.2f ms (%.2fx) | %.2f ms (%.2fx) | %.1f s "
                            + "| %,d B, %.0f ms | %.0f / %.0f ms | %.1f s | %d | %d ms | %d MB |%n",
                    row.blocks(), row.blockBytes(), row.firstStartSeconds(), row.firstLoadMillis() / 1e3, row.restartSeconds(),
                    row.restartLoadMillis() / 1e3, perBlock, (double) perBlock / row.blockBytes(), row.minePerMs(),
                    row.minePerMs() / base.minePerMs(), row.balanceMs(), row.balanceMs() / base.balanceMs(),
                    row.syncSeconds(), row.catchUpBytes(), row.catchUpMs(), row.firstByteP50(), row.firstByteMax(),
                    row.chainSeconds(), row.failed(), Math.round(row.bystanderMaxMs()), row.heapPeak() >> 20);
        }
        System.out.println();
        System.out.println("| blocks | GET /blocks/{n}/explained p50 | GET /accounts?id= (a miner of 1 in 20) p50 |");
        System.out.println("|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %,d | %.2f ms (%.2fx) | %.2f ms (%.2fx) |%n", row.blocks(), row.explainedMs(),
                    row.explainedMs() / base.explainedMs(), row.accountMs(), row.accountMs() / base.accountMs());
        }
        System.out.println();
    }
}
