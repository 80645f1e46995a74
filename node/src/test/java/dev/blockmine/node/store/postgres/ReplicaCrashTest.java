package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.core.JacksonException;

/**
 * A replica as its own process, killed with SIGKILL while miners post to it: every block it told a miner was
 * forged is on the replica that stays, and the chain validates.
 */
class ReplicaCrashTest {

    private static final ProofRule RULE = new ProofRule(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyBlockAKilledReplicaAcknowledgedIsOnTheOthers(@TempDir Path logs) throws Exception {
        String database = TestPostgres.newDatabase();
        Map<Long, BigInteger> acknowledged = new ConcurrentHashMap<>();
        try (Replicas survivor = new Replicas(database, 1, "node.difficulty=3")) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process doomed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    NodeApplication.class.getName(), "--server.port=" + port, "--node.tcp.port=-1", "--node.store=postgres",
                    "--spring.datasource.url=" + database, "--node.difficulty=3", "--logging.level.root=warn")
                    .redirectErrorStream(true).redirectOutput(logs.resolve("replica.log").toFile()).start();
            try {
                await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> get(port, "/last_block") != null);
                AtomicBoolean mining = new AtomicBoolean(true);
                try (ExecutorService miners = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int m = 0; m < 4; m++) {
                        String id = "miner-" + m;
                        miners.submit(() -> mineUntilStopped(port, id, mining, acknowledged));
                    }
                    await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 10);
                    doomed.destroyForcibly(); // SIGKILL while the miners are still posting
                    doomed.waitFor(10, TimeUnit.SECONDS);
                    mining.set(false);
                }
            } finally {
                doomed.destroyForcibly();
            }
            long highest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> survivor.chain(0).tip().index() >= highest);
            for (Map.Entry<Long, BigInteger> won : acknowledged.entrySet()) {
                SealedBlock block = survivor.chain(0).block(won.getKey()).orElseThrow();
                assertThat(block.block().proof()).as("block %d", won.getKey()).isEqualTo(won.getValue());
            }
            ChainAssertions.assertValid(survivor.get(0, "/chain"), RULE);
        }
    }

    /** One miner: get the last block, find a proof, post it; remember every block the replica said it forged. */
    private Void mineUntilStopped(int port, String id, AtomicBoolean mining, Map<Long, BigInteger> acknowledged) {
        while (mining.get()) {
            try {
                String last = CanonicalJson.encode(CanonicalJson.parse(get(port, "/last_block")).get("last_block"));
                BigInteger proof = Proofs.firstValid(last, RULE, ThreadLocalRandom.current().nextInt(100_000));
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mine"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"proof\": " + proof + ", \"id\": \"" + id + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    acknowledged.put(CanonicalJson.parse(reply.body()).get("index").longValue(), proof);
                }
            } catch (IOException | JacksonException | NullPointerException e) {
                // the replica is gone (killed): nothing more is acknowledged
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
