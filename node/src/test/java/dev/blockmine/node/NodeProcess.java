package dev.blockmine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.core.JacksonException;

/**
 * The node as a process of its own, for tests that kill it with SIGKILL. Its HTTP server binds port 0 and writes the
 * port it got to a file (Spring Boot's port file), so no port is picked, closed and bound again by someone else.
 */
public final class NodeProcess implements AutoCloseable {

    private static final String PORT_FILE = "blockmine.port-file";
    /**
     * The node's processes are short-lived and do little work, so the C1 compiler alone serves them: without C2
     * compiling in the background at start, a node answers in about half the time and CPU on the 2-core machine.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts the node with {@code settings} ("--node.store=durable", ...), its output appended to {@code log}, and
     * waits until it answers {@code GET /last_block}.
     */
    public NodeProcess(Path log, Duration startup, String... settings) throws IOException {
        this(log, startup, List.of(), settings);
    }

    /** As above, with options for its JVM ({@code -Xmx256m}). */
    public NodeProcess(Path log, Duration startup, List<String> jvmOptions, String... settings) throws IOException {
        Path portFile = log.resolveSibling(log.getFileName() + ".port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), QUICK_START));
        command.addAll(jvmOptions);
        command.addAll(List.of("-D" + PORT_FILE + "=" + portFile, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--server.port=0", "--logging.level.root=warn"));
        command.addAll(List.of(settings));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            port = await("the node writes its port").atMost(startup).ignoreExceptions().until(() -> {
                assertThat(process.isAlive()).as("the node process is running (log: %s)", log).isTrue();
                return Integer.parseInt(Files.readString(portFile).strip());
            }, p -> p > 0);
            await("the node answers").atMost(startup).ignoreExceptions().until(() -> get("/last_block") != null);
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** How a node process that was expected to stop at start ended: its exit code and everything it printed. */
    public record Exited(int code, List<String> output) {
    }

    /**
     * Runs the node with {@code settings} until it exits by itself (a node refusing its settings), within
     * {@code within}; its output goes to {@code log} and is returned. A JVM tuned to start fast (C1 only, and the
     * serial collector, since it never holds more than the start's objects).
     */
    public static Exited runToExit(Path log, Duration within, String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                QUICK_START, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                NodeApplication.class.getName(), "--server.port=0", "--logging.level.root=warn"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the node with " + List.of(settings) + " did not exit within " + within + " (log: " + log + ")");
        }
        return new Exited(process.exitValue(), Files.readAllLines(log));
    }

    /** The node's main, plus the port file. */
    public static final class Main {
        public static void main(String[] args) {
            SpringApplication node = new SpringApplication(NodeApplication.class);
            node.addListeners(new WebServerPortFileWriter(System.getProperty(PORT_FILE)));
            node.run(args);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The body of a 200 answer to {@code GET path}; any other status is an IOException. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Four miners post proofs until the node has acknowledged {@code blocks} blocks, then the node is killed with
     * SIGKILL while they are still posting. Returns the proof of every block the node said it forged, by index.
     */
    public Map<Long, BigInteger> mineThenKill(ProofRule rule, int blocks, Duration within) throws InterruptedException {
        Map<Long, BigInteger> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean mining = new AtomicBoolean(true);
        try (ExecutorService miners = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < 4; m++) {
                String id = "miner-" + m;
                miners.submit(() -> mineUntilStopped(id, rule, mining, acknowledged));
            }
            try {
                await().atMost(within).pollInterval(Duration.ofMillis(10)).until(() -> acknowledged.size() >= blocks);
            } finally {
                kill();
                mining.set(false);
            }
        }
        return acknowledged;
    }

    /**
     * One miner: get the last block, find a proof, post it, until {@code mining} is false; remembers the proof of
     * every block the node said it forged. Errors mean the node is gone (killed): nothing more is acknowledged.
     */
    private Void mineUntilStopped(String id, ProofRule rule, AtomicBoolean mining, Map<Long, BigInteger> acknowledged) {
        while (mining.get()) {
            try {
                String last = CanonicalJson.encode(CanonicalJson.parse(get("/last_block")).get("last_block"));
                BigInteger proof = Proofs.firstValid(last, rule, ThreadLocalRandom.current().nextInt(100_000));
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url() + "/mine"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"proof\": " + proof + ", \"id\": \"" + id + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    acknowledged.put(CanonicalJson.parse(reply.body()).get("index").longValue(), proof);
                }
            } catch (IOException | JacksonException | NullPointerException e) {
                // the node is gone (killed): nothing more is acknowledged
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
