package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeApplication;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The node as its own process with the durable store, killed with SIGKILL in the middle of mining:
 * every block a miner was told it won is there after the restart, and the chain validates.
 */
class DurableNodeCrashTest {

    private static final ProofRule RULE = new ProofRule(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedBlockSurvivesKillMinus9(@TempDir Path dataDir) throws Exception {
        Map<Long, BigInteger> acknowledged = new ConcurrentHashMap<>();
        Process node = start(dataDir);
        int port = portOf(node);
        AtomicBoolean mining = new AtomicBoolean(true);
        try (ExecutorService miners = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < 4; m++) {
                String id = "miner-" + m;
                miners.submit(() -> mineUntilStopped(port, id, mining, acknowledged));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 25 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            node.destroyForcibly(); // SIGKILL, while the miners are still posting
            node.waitFor(10, TimeUnit.SECONDS);
            mining.set(false);
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(25);

        Process restarted = start(dataDir);
        try {
            JsonNode served = CanonicalJson.parse(get(portOf(restarted), "/chain"));
            List<JsonNode> chain = List.copyOf(served.get("chain").values());
            for (Map.Entry<Long, BigInteger> won : acknowledged.entrySet()) {
                JsonNode block = chain.get((int) (won.getKey() - 1));
                assertThat(block.get("proof").bigIntegerValue()).as("block %d", won.getKey()).isEqualTo(won.getValue());
            }
            ChainAssertions.assertValid(served, RULE);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One miner: get the last block, find a proof, post it; remember every block the node said it forged. */
    private Void mineUntilStopped(int port, String id, AtomicBoolean mining, Map<Long, BigInteger> acknowledged) {
        while (mining.get()) {
            try {
                JsonNode last = CanonicalJson.parse(get(port, "/last_block")).get("last_block");
                BigInteger proof = Proofs.firstValid(CanonicalJson.encode(last), RULE, ThreadLocalRandom.current().nextInt(100_000));
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mine"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"proof\": " + proof + ", \"id\": \"" + id + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    acknowledged.put(CanonicalJson.parse(reply.body()).get("index").longValue(), proof);
                }
            } catch (IOException | JacksonException e) {
                // the node is gone (killed): nothing more is acknowledged
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private Process start(Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NodeApplication.class.getName(),
                "--server.port=" + port, "--node.store=durable", "--node.data-dir=" + dataDir, "--node.difficulty=3",
                "--logging.level.root=warn").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
        ports.put(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the node process is running").isTrue();
            try {
                get(port, "/last_block");
                return process;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the node did not start within 60 s");
    }

    private final Map<Process, Integer> ports = new ConcurrentHashMap<>();

    private int portOf(Process process) {
        return ports.get(process);
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
