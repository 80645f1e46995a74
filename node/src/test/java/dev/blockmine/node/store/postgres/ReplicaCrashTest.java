package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeProcess;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.ProofRule;

/**
 * A replica as its own process, killed with SIGKILL while miners post to it: every block it told a miner was
 * forged is on the replica that stays, and the chain validates; every transaction it answered 201 waits there.
 */
class ReplicaCrashTest {

    private static final ProofRule RULE = new ProofRule(3);

    @Test
    void everyBlockAKilledReplicaAcknowledgedIsOnTheOthers(@TempDir Path logs) throws Exception {
        String database = TestPostgres.newDatabase();
        try (Replicas survivor = new Replicas(database, 1, "node.difficulty=3")) {
            NodeProcess doomed = new NodeProcess(logs.resolve("replica.log"), Duration.ofMinutes(3), "--node.tcp.port=-1",
                    "--node.store=postgres", "--spring.datasource.url=" + database, "--node.difficulty=3");
            Map<Long, BigInteger> acknowledged = doomed.mineThenKill(RULE, 10, Duration.ofMinutes(2));
            long highest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            Replicas.awaitInMemory(Duration.ofSeconds(10)).until(() -> survivor.chain(0).tip().index() >= highest);
            for (Map.Entry<Long, BigInteger> won : acknowledged.entrySet()) {
                SealedBlock block = survivor.chain(0).block(won.getKey()).orElseThrow();
                assertThat(block.block().proof()).as("block %d", won.getKey()).isEqualTo(won.getValue());
            }
            ChainAssertions.assertValid(survivor.get(0, "/chain"), RULE);
        }
    }

    @Test
    void everyTransactionAKilledReplicaAcknowledgedIsPendingOnTheOthers(@TempDir Path logs) throws Exception {
        String database = TestPostgres.newDatabase();
        try (Replicas survivor = new Replicas(database, 1, "node.ledger=open");
                NodeProcess doomed = new NodeProcess(logs.resolve("replica.log"), Duration.ofMinutes(3), "--node.tcp.port=-1",
                        "--node.store=postgres", "--spring.datasource.url=" + database, "--node.ledger=open");
                HttpClient http = HttpClient.newHttpClient()) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean sending = new AtomicBoolean(true);
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < 4; s++) {
                    String sender = "sender-" + s;
                    senders.submit(() -> {
                        for (int n = 1; sending.get(); n++) {
                            String body = "{\"sender\": \"" + sender + "\", \"recipient\": \"r-" + n + "\", \"amount\": 1}";
                            try {
                                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(doomed.url() + "/transactions/new"))
                                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (reply.statusCode() == 201) {
                                    acknowledged.add(sender + " -> r-" + n);
                                }
                            } catch (IOException e) {
                                // the replica is gone (killed): nothing more is acknowledged
                            }
                        }
                        return null;
                    });
                }
                try {
                    await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 40);
                } finally {
                    doomed.kill();
                    sending.set(false);
                }
            }

            Set<String> pending = survivor.chain(0).nextBlock().transactions().stream()
                    .map(t -> t.sender() + " -> " + t.recipient()).collect(Collectors.toSet());
            assertThat(pending).containsAll(acknowledged);
        }
    }
}
