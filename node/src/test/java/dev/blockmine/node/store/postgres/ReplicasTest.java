package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/** Three replicas of one node on one PostgreSQL database, used through real HTTP clients. */
class ReplicasTest {

    private static final ProofRule RULE = new ProofRule(3);
    private static Replicas replicas;

    @BeforeAll
    static void start() {
        replicas = new Replicas(3, "node.difficulty=3");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void sixtyFourClientsRacingOneProofOverThreeReplicasHaveExactlyOneWinner() throws Exception {
        SealedBlock tip = replicas.commonTip();
        BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, 0);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        try (ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 64; i++) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                clients.add(client);
                HttpRequest post = HttpRequest.newBuilder(URI.create(replicas.url(i % 3) + "/mine"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"proof\": " + proof + ", \"id\": \"racer-" + i + "\"}")).build();
                answers.add(racers.submit(() -> {
                    go.await();
                    return client.send(post, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
        }
        // At this low difficulty the proof may also be valid for the block just forged (1 in 4,096): a late
        // client then rightly wins the next block. The block raced for has exactly one winner either way.
        int winners = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isIn(200, 409);
            if (answer.get().statusCode() == 200
                    && CanonicalJson.parse(answer.get().body()).get("index").longValue() == tip.index() + 1) {
                winners++;
            }
        }
        clients.forEach(HttpClient::close);
        assertThat(winners).isEqualTo(1);
        assertThat(replicas.commonTip().index()).isGreaterThanOrEqualTo(tip.index() + 1);
    }

    @Test
    void blocksForgedThroughEachReplicaInTurnMakeOneValidChain() throws Exception {
        long start = replicas.commonTip().index();
        for (int i = 0; i < 9; i++) {
            int replica = i % 3;
            long expected = start + i;
            Replicas.awaitInMemory(Duration.ofSeconds(10)).until(() -> replicas.chain(replica).tip().index() == expected);
            String last = CanonicalJson.encode(replicas.get(replica, "/last_block").get("last_block"));
            BigInteger proof = Proofs.firstValid(last, RULE, 0);
            HttpResponse<String> mined = replicas.post(replica, "/mine", "{\"proof\": " + proof + ", \"id\": \"r" + replica + "\"}");
            assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
        }
        SealedBlock tip = replicas.commonTip();
        assertThat(tip.index()).isEqualTo(start + 9);
        for (int replica = 0; replica < 3; replica++) {
            assertThat(replicas.chain(replica).blocks()).isEqualTo(replicas.chain(0).blocks());
            ChainAssertions.assertValid(replicas.get(replica, "/chain"), RULE);
        }
    }
}
