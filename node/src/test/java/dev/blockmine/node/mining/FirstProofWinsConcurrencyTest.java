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
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * First valid proof wins, with real HTTP clients racing over real sockets: each of 200 clients has its own
 * connection and posts a different valid proof for the same block at the same instant.
 */
@TestPropertySource(properties = "node.difficulty=3")
class FirstProofWinsConcurrencyTest extends NodeOnRandomPort {

    private static final int SUBMITTERS = 200;
    private static final ProofRule RULE = new ProofRule(3);

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
                HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/mine"))
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
            // Exactly one winner for the block raced for. At this low test difficulty one of the late proofs may
            // also happen to be valid for the block just forged (1 in 4,096): then it rightly wins the next block.
            Map<Long, Long> winnersByBlock = responses.stream().filter(r -> r.statusCode() == 200)
                    .collect(Collectors.groupingBy(r -> CanonicalJson.parse(r.body()).get("index").longValue(), Collectors.counting()));
            assertThat(winnersByBlock).containsEntry(tip.index() + 1, 1L).allSatisfy((index, winners) -> assertThat(winners).isEqualTo(1L));
            long won = winnersByBlock.size();
            assertThat(responses).filteredOn(r -> r.statusCode() != 200).hasSize(proofs.size() - (int) won)
                    .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(409));
            for (HttpResponse<String> r : responses) {
                JsonNode answer = CanonicalJson.parse(r.body());
                if (r.statusCode() == 200) {
                    assertThat(answer.get("message").stringValue()).isEqualTo("New Block Forged");
                } else {
                    assertThat(answer.get("message").stringValue()).contains("too late");
                }
            }
            assertThat(chain.blocks()).hasSize(before + (int) won);
        } finally {
            clients.forEach(HttpClient::close);
        }
        SealedBlock raced = chain.block(tip.index() + 1).orElseThrow();
        assertThat(raced.block().previousHash()).isEqualTo(tip.hash());
        String winnerId = raced.block().transactions().getLast().recipient();
        assertThat(winnerId).startsWith("racer-");
        ChainAssertions.assertValid(chain, RULE);
    }
}
