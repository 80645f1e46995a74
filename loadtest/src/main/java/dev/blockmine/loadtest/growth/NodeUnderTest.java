package dev.blockmine.loadtest.growth;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/** A node run as its own process, on a free port, with the calls the growth benchmark makes of it. */
final class NodeUnderTest implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)$",
            Pattern.MULTILINE);

    final String url;
    final Process process;
    /** From the process's start to its first answer of {@code GET /last_block}. */
    final Duration startUp;
    /** How long the node took to load and validate its stored chain, as it logged it (-1 when it did not). */
    final long chainLoadMillis;

    private static final Pattern LOADED = Pattern.compile("Loaded \\d+ blocks .* in (\\d+) ms");

    private NodeUnderTest(String url, Process process, Duration startUp, long chainLoadMillis) {
        this.url = url;
        this.process = process;
        this.startUp = startUp;
        this.chainLoadMillis = chainLoadMillis;
    }

    static NodeUnderTest start(Path jar, String heap, Path log, String... settings) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-jar", jar.toString(), "--server.port=" + port, "--node.tcp.port=-1",
                "--logging.level.dev.blockmine=warn", "--logging.level.dev.blockmine.node.chain.ChainConfiguration=info",
                "--management.endpoints.web.exposure.include=prometheus"));
        long logged = Files.exists(log) ? Files.size(log) : 0;
        for (String setting : settings) {
            command.add("--" + setting);
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        NodeUnderTest node = new NodeUnderTest("http://127.0.0.1:" + port, process, Duration.ZERO, -1);
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the node exited with " + process.exitValue() + " before serving; see " + log);
            }
            try {
                if (node.status("/last_block") == 200) {
                    Duration startUp = Duration.ofNanos(System.nanoTime() - started);
                    String output;
                    try (var in = Files.newInputStream(log)) {
                        in.skipNBytes(logged);
                        output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    Matcher loaded = LOADED.matcher(output);
                    return new NodeUnderTest(node.url, process, startUp, loaded.find() ? Long.parseLong(loaded.group(1)) : -1);
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(20);
        }
        node.close();
        throw new IOException("the node did not serve within 10 minutes; see " + log);
    }

    int status(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return CanonicalJson.parse(HTTP.send(request(path).timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    }

    /** The heap in use now, in bytes, as the node's Prometheus endpoint reports it. */
    long heapUsed() throws IOException, InterruptedException {
        String metrics = HTTP.send(request("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = HEAP.matcher(metrics);
        long sum = 0;
        while (matcher.find()) {
            sum += (long) Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** The heap still in use after a full collection (jcmd GC.run), in bytes. */
    long liveHeap() throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        // `java -jar node.jar` relaunches itself from the AOT cache: the node's heap is that of the child JVM
        long node = process.toHandle().descendants().mapToLong(ProcessHandle::pid).max().orElse(process.pid());
        new ProcessBuilder(jcmd.toString(), Long.toString(node), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        return heapUsed();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
