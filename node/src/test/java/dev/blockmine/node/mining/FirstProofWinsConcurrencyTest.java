package dev.blockmine.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * First valid proof wins, with real HTTP clients racing over real sockets: each of 200 clients has its own
 * connection and posts a different valid proof for the same block at the same instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "node.difficulty=3")
class FirstProofWinsConcurrencyTest {

    private static final int SUBMITTERS = 200;
    private static final ProofRule RULE = new ProofRule(3);

    @LocalServerPort
    int port;

    @Autowired
    Chain chain;

    @RepeatedTest(3)
    void exactlyOneOf200DistinctValidProofsWins() throws Exception {
        SealedBlock tip = chain.tip();
        List<BigInteger> proofs = new ArrayList<>();
        long from = 0;
        while (proofs.size() < SUBMITTERS) {
            BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, from);
            proofs.add(proof);
            from = proof.longValue() + 1;
        }
        race(tip, proofs);
    }

    @Test
    void exactlyOneOf200CopiesOfTheSameValidProofWins() throws Exception {
        SealedBlock tip = chain.tip();
        BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, 0);
        race(tip, java.util.Collections.nCopies(SUBMITTERS, proof));
    }

    private void race(SealedBlock tip, List<BigInteger> proofs) throws Exception {
        int before = chain.blocks().size();
        CountDownLatch ready = new CountDownLatch(proofs.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> replies = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < proofs.size(); i++) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                clients.add(client);
                String body = "{\"proof\": " + proofs.get(i) + ", \"id\": \"racer-" + i + "\"}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mine"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> reply : replies) {
                responses.add(reply.get());
            }
            Map<Integer, Long> byStatus = responses.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, (long) proofs.size() - 1));
            HttpResponse<String> winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            assertThat(CanonicalJson.parse(winner.body()).get("message").stringValue()).isEqualTo("New Block Forged");
            for (HttpResponse<String> r : responses) {
                assertThat(CanonicalJson.parse(r.body()).get("message").isString()).isTrue();
            }
        } finally {
            clients.forEach(HttpClient::close);
        }
        assertThat(chain.blocks()).hasSize(before + 1);
        assertThat(chain.tip().block().previousHash()).isEqualTo(tip.hash());
        String winnerId = CanonicalJson.parse(chain.tip().blockString()).get("transactions").get(0).get("recipient").stringValue();
        assertThat(winnerId).startsWith("racer-");
        ChainAssertions.assertValid(chain, RULE);
    }
}
