package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;
import tools.jackson.databind.JsonNode;

/**
 * Attack 2: a peer that sends its headers and then one byte every 0.5 s. The honest peer's longer chain is adopted
 * while the slow one is still trickling (peers are read in parallel, each under its own deadline); the slow one is
 * cut off at the deadline, and {@code /last_block} is served in time throughout.
 */
class SlowPeerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void aTricklingPeerDelaysNeitherTheHonestPeerNorTheNode() throws Exception {
        AtomicBoolean trickling = new AtomicBoolean();
        AtomicBoolean cutOff = new AtomicBoolean();
        List<String> honestChain = Blocks.chainFrom(Blocks.GENESIS, 5, "honest");
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.peer.deadline=" + DEADLINE.toSeconds() + "s");
                FakePeer slow = new FakePeer(); FakePeer honest = new FakePeer(); Bystander bystander = new Bystander(node.url)) {
            String slowAnswer = Blocks.chainAnswer(Blocks.chainFrom(Blocks.GENESIS, 8, "slow"));
            slow.serveChain(exchange -> {
                exchange.sendResponseHeaders(200, slowAnswer.length());
                OutputStream out = exchange.getResponseBody();
                trickling.set(true);
                try {
                    for (byte b : slowAnswer.getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (java.io.IOException e) {
                    cutOff.set(true);
                    throw e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    trickling.set(false);
                }
            });
            honest.serveChain(honestChain);
            node.post("/nodes/register", "{\"nodes\": [\"" + slow.url() + "\"]}");
            node.post("/nodes/register", "{\"nodes\": [\"" + honest.url() + "\"]}");

            CompletableFuture<JsonNode> resolve = CompletableFuture.supplyAsync(() -> {
                try {
                    return node.get("/nodes/resolve");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // adopted before the slow peer's deadline, which a loaded machine does not reach by chance
            await().atMost(DEADLINE).until(() -> node.chain().blocks().size() == 5);
            assertThat(trickling).as("the slow peer is still sending when the honest chain is adopted").isTrue();
            assertThat(resolve.get().get("message").stringValue()).isEqualTo("Our chain was replaced");
            await().atMost(DEADLINE.plusSeconds(5)).untilTrue(cutOff);
            assertThat(bystander.failures()).isEmpty();
            assertThat(node.chain().blocks().stream().map(b -> b.blockString()).toList()).isEqualTo(honestChain);
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
        }
    }
}
