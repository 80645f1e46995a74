package dev.blockmine.node.launch;

import java.io.IOException;
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

/**
 * The build's last step for the node (Maven runs it after the jar is made): the training run that
 * writes the JVM's AOT cache (JEP 483/514/515) the way Spring Boot documents it. The jar is extracted to
 * target/aot (node.jar and lib/: the cache needs plain jars on the class path), the extracted node is started on a
 * free port, asked what a node is first asked (the tip, the chain, a refused proof and block), and stopped: its JVM
 * writes target/aot/node.aot as it exits (Spring Boot documents the shorter {@code spring.context.exit=onRefresh}
 * run; serving requests puts Tomcat's start and the first answers in the cache too). {@code java -jar node/target/node.jar} then starts from it
 * (AotCacheLauncher). When anything here fails the build goes on and says so: the node starts as before, slower.
 *
 * <p>Usage: {@code AotCacheTraining TARGET_FOLDER}. Not part of the node's start: the build's tool, kept beside the
 * launcher that reads what it writes.
 */
public final class AotCacheTraining {

    private AotCacheTraining() {
    }

    private static final long TRAINING_MINUTES = 5;
    private static final int ATTEMPTS = 3;

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve("node.jar");
        AotCache made = AotCache.at(target);
        Path cache = made.file();
        Path folder = cache.getParent();
        Files.deleteIfExists(cache); // never one trained on an older jar
        if (!Files.isRegularFile(jar)) {
            skip("no " + jar);
            return;
        }
        long start = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = target.resolve("aot-training.log");
        Files.deleteIfExists(log);
        if (!run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", folder.toString(),
                "--force"), target, log)) {
            skip("extracting the jar failed (" + log + ")");
            return;
        }
        Path workingFolder = Files.createTempDirectory("node-aot-training"); // whatever the node writes stays out of the build
        try {
            boolean trained = false;
            // the port is free when picked and bound a few seconds later: on a busy machine someone may take it first
            for (int attempt = 1; attempt <= ATTEMPTS && !trained; attempt++) {
                trained = trainOnce(java, made, workingFolder, log);
            }
            if (!trained) {
                skip("the training run failed (" + log + ")");
                return;
            }
        } finally {
            try (var files = Files.walk(workingFolder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        System.out.printf("[aot] %s: %d MB, trained in %.1f s; java -jar %s starts from it%n", target.relativize(cache),
                Files.size(cache) >> 20, (System.nanoTime() - start) / 1e9, jar.getFileName());
    }

    /** One training run on a free port: whether the node served and wrote the cache as it stopped. */
    private static boolean trainOnce(String java, AotCache made, Path workingFolder, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "-XX:AOTCacheOutput=" + made.file(), "-Xlog:aot=error"));
        command.addAll(made.nodeOptions()); // trained as it will start: with Spring AOT's context when the jar has it
        command.addAll(List.of("-jar", made.app().toString(), "--server.port=" + port, "--node.tcp.port=-1",
                "--logging.level.root=error"));
        Process node = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean served = serveFirstRequests(node, port);
        node.destroy(); // SIGTERM: the JVM exits normally and writes the cache
        boolean trained = node.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES) && served;
        if (!trained || !Files.isRegularFile(made.file())) {
            node.destroyForcibly();
            Files.deleteIfExists(made.file()); // a node that failed to start writes one too
            return false;
        }
        return true;
    }

    /**
     * What a started node is first asked, so that the code answering it is in the cache too: the tip, the chain,
     * a proof that does not hold and a block that does not link (both refused; the chain is a training run's).
     */
    private static boolean serveFirstRequests(Process node, int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TRAINING_MINUTES);
        while (!answers(http, get(base.resolve("/last_block")))) {
            if (!node.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        for (int i = 0; i < 20; i++) {
            answers(http, get(base.resolve("/last_block")));
            answers(http, get(base.resolve("/chain")));
            answers(http, post(base.resolve("/mine"), "{\"proof\": 1, \"id\": \"training\"}"));
            answers(http, post(base.resolve("/blocks"), "{\"index\": 2, \"previous_hash\": \"0\", \"proof\": 1, "
                    + "\"timestamp\": 1.5, \"transactions\": []}"));
        }
        return true;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Whether the node answered 200 (a refusal is an answer too, but not a sign that it is up). */
    private static boolean answers(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean run(List<String> command, Path folder, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static void skip(String why) {
        System.out.println("[aot] no AOT cache: " + why + "; java -jar node.jar starts without it (slower)");
    }
}
