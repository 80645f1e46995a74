package dev.blockmine.loadtest.http;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.blockmine.pow.ProofRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the same simulated-miner load against our node and the course's Flask server, each started here as its
 * own process, and prints one table with the ratio between them.
 */
@Command(name = "http-load", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Simulated HTTP miners (keep-alive; GET /last_block, then POST /mine with mostly invalid,",
            "some stale and a few valid proofs) against our node and the course's Flask server, side by side."})
public final class HttpLoadCommand implements Callable<Integer> {

    @Option(names = "--miners", split = ",", defaultValue = "50,1000",
            description = "Closed-loop miner counts, one run per count and server (default: ${DEFAULT-VALUE}).")
    List<Integer> miners;

    @Option(names = "--paced-miners", defaultValue = "1000",
            description = "Miners for the paced run: each does one GET+POST round per --pace-ms (default: ${DEFAULT-VALUE}; 0 skips it).")
    int pacedMiners;

    @Option(names = "--pace-ms", defaultValue = "1000", description = "Round interval of each paced miner (default: ${DEFAULT-VALUE}, a miner polling once a second).")
    long paceMillis;

    @Option(names = "--seconds", defaultValue = "15", description = "Length of each measured run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unmeasured load before each server's runs (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--zeros", defaultValue = "3",
            description = "Hex zeros both servers require, low so the load's valid proofs are cheap (default: ${DEFAULT-VALUE}).")
    int zeros;

    @Option(names = "--node-jar", defaultValue = "node/target/node.jar", description = "Our node (default: ${DEFAULT-VALUE}).")
    Path nodeJar;

    @Option(names = "--flask", defaultValue = "interop/course_node.py",
            description = "The course's Flask server (default: ${DEFAULT-VALUE}); skipped when missing.")
    Path flask;

    @Option(names = "--python", defaultValue = "${env:BLOCKMINE_PYTHON:-python3}",
            description = "Python with Flask (default: ${DEFAULT-VALUE}; scripts/http-load.sh sets the project's venv).")
    String python;

    @Option(names = "--url", description = "Load a server already running at this base URL (e.g. nginx in front of replicas) "
            + "instead of starting the Flask server and our node.")
    URI url;

    @Option(names = "--log", defaultValue = "target/http-load-servers.log", description = "Servers' output (default: ${DEFAULT-VALUE}).")
    Path log;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HttpLoadCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.deleteIfExists(log);
        ProofRule rule = new ProofRule(zeros);
        List<LoadResult> results = new ArrayList<>();
        out.printf("Load: %d s per run after %d s of warm-up, servers at %d hex zeros, %d cores%n", seconds, warmupSeconds,
                zeros, Runtime.getRuntime().availableProcessors());
        if (url != null) {
            results.addAll(runAll(url.toString(), url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), rule, out));
            out.println();
            out.print(new LoadTable(results).render());
            return 0;
        }
        if (Files.exists(flask)) {
            try (ServerProcess server = ServerProcess.flaskNode(python, flask, zeros, log)) {
                results.addAll(runAll(server.name(), "127.0.0.1", server.port(), rule, out));
            }
        } else {
            out.printf("Flask server not found at %s: its rows are skipped%n", flask.toAbsolutePath());
        }
        try (ServerProcess server = ServerProcess.javaNode(nodeJar, zeros, log)) {
            results.addAll(runAll(server.name(), "127.0.0.1", server.port(), rule, out));
        }
        out.println();
        out.print(new LoadTable(results).render());
        return 0;
    }

    private List<LoadResult> runAll(String name, String host, int port, ProofRule rule, PrintStream out) throws InterruptedException {
        SimulatedMiners load = new SimulatedMiners(host, port, rule);
        out.printf("%s on port %d: warming up...%n", name, port);
        load.run(name, miners.getFirst(), Duration.ofSeconds(warmupSeconds), Duration.ZERO);
        List<LoadResult> results = new ArrayList<>();
        for (int count : miners) {
            results.add(report(out, load.run(name, count, Duration.ofSeconds(seconds), Duration.ZERO)));
        }
        if (pacedMiners > 0) {
            results.add(report(out, load.run(name, pacedMiners, Duration.ofSeconds(seconds), Duration.ofMillis(paceMillis))));
        }
        return results;
    }

    private static LoadResult report(PrintStream out, LoadResult result) {
        out.printf(Locale.ROOT, "  %-15s %5d miners, %-20s %9.0f req/s  %8.0f /mine/s  p50 %7.2f ms  p99 %8.2f ms  /last_block p99 %8.2f ms  errors %d  /mine statuses %s%n",
                result.server(), result.miners(), result.pace(), result.requestsPerSecond(), result.submissionsPerSecond(),
                result.p50Millis(), result.p99Millis(), result.lastBlockP99Millis(), result.errors(), result.mineStatuses());
        return result;
    }
}
