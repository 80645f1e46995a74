package dev.blockmine.node.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar node/target/node.jar} as the README says it (an integration test: it runs on the jar and the AOT
 * cache this build has just made): the node runs in a JVM of its own started from the cache, and goes when the
 * launcher goes, whether it is stopped or killed, with the context Spring AOT generated at build time and still the
 * store given at start; told not to, the jar runs the node in its own JVM.
 */
class AotCacheLaunchIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Duration START = Duration.ofMinutes(2);

    private Process launcher;

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void theNodeRunsFromTheCacheAndStopsGracefullyWithTheLauncher() throws Exception {
        ProcessHandle node = start();
        assertThat(node.info().arguments().map(List::of).orElseThrow())
                .contains("-XX:AOTCache=" + TARGET.resolve("aot/node.aot"), TARGET.resolve("aot/node.jar").toString(),
                        "-Dspring.aot.enabled=true");
        assertThat(Files.readString(log())).as("the context Spring AOT generated at build time")
                .contains("Starting AOT-processed NodeApplication");

        launcher.destroy(); // SIGTERM, as a service manager stops it
        await().atMost(Duration.ofSeconds(60)).until(() -> !launcher.isAlive() && !node.isAlive());
        assertThat(launcher.exitValue()).as("the node's exit code, passed on (the JVM's for SIGTERM)").isEqualTo(143);
        assertThat(Files.readString(log())).as("the node shut down gracefully").contains("Graceful shutdown complete");
    }

    @Test
    void theStoreGivenAtStartIsTheOneUsedThoughSpringAotMadeTheContextAtBuildTime(@TempDir Path data) throws Exception {
        startAndAwaitAnswer(List.of(), "--node.store=journal", "--node.data-dir=" + data);
        assertThat(Files.readString(log())).contains("Starting AOT-processed NodeApplication");
        assertThat(data.resolve("chain.jsonl")).as("the journal store's file, with the genesis block").isNotEmptyFile();
    }

    @Test
    void aKilledLauncherTakesItsNodeWithIt() throws Exception {
        ProcessHandle node = start();
        launcher.destroyForcibly(); // SIGKILL: no hook runs in the launcher
        await().atMost(Duration.ofSeconds(60)).until(() -> !node.isAlive());
        assertThat(Files.readString(log())).as("the node shut down gracefully").contains("Graceful shutdown complete");
    }

    @Test
    void withTheCacheTurnedOffTheJarRunsTheNodeItselfThroughSpringBootsLauncher() throws Exception {
        startAndAwaitAnswer(List.of("-Dblockmine.aot-cache=false"));
        assertThat(launcher.children().toList()).as("no JVM started: the node runs in the first one").isEmpty();
        assertThat(Files.readString(log())).as("NodeJar handed the jar to Spring Boot's launcher")
                .contains("Starting NodeApplication");
    }

    /** Starts the launcher and waits until the node it started answers; returns the node's process. */
    private ProcessHandle start() throws IOException {
        startAndAwaitAnswer(List.of());
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("one JVM started by the launcher").hasSize(1);
        return children.getFirst();
    }

    private void startAndAwaitAnswer(List<String> jvmOptions, String... nodeArguments) throws IOException {
        assumeThat(AotCache.in(TARGET)).as("an AOT cache made by this build's training run (see target/aot-training.log)")
                .isPresent();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", TARGET.resolve("node.jar").toString(), "--server.port=" + port,
                "--node.tcp.port=-1"));
        command.addAll(List.of(nodeArguments));
        launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(START).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/last_block")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static Path log() {
        return TARGET.resolve("aot-launch-it.log");
    }

    /** A port nothing listens on yet: the node binds it later, as a user's command line names one. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
