package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.peers.RunningNode;

/**
 * Attack 5: 300 announcements of blocks far ahead, whose proofs cannot be checked without the blocks before. Each
 * is answered 202, and they coalesce: the peer is asked for its chain at most a few times, not once each.
 */
class GapFloodTest {

    @Test
    void gapAnnouncementsCoalesceIntoOneResolve() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); FakePeer peer = new FakePeer();
                Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            List<String> chain = Blocks.chainFrom(Blocks.GENESIS, 3, "peer");
            peer.serveChain(exchange -> {
                try {
                    Thread.sleep(200); // a resolve takes a moment, as it does over a real network
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FakePeer.send(exchange, Blocks.chainAnswer(chain));
            });
            node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}");

            List<Future<Integer>> answers = new ArrayList<>();
            try (ExecutorService attackers = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < 300; i++) {
                    String farAhead = "{\"index\": " + (1000 + i) + ", \"previous_hash\": \"" + "ab".repeat(32)
                            + "\", \"proof\": 1, \"timestamp\": 1.5, \"transactions\": []}";
                    answers.add(attackers.submit(() -> node.post("/blocks", farAhead).statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> node.chain().blocks().size() == 3);
            int asked = peer.chainRequests();
            assertThat(asked).as("GET /chain for 300 announcements").isBetween(1, 4);
            assertThat(bystander.failures()).isEmpty();
        }
    }
}
