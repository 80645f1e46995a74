package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;
import tools.jackson.databind.JsonNode;

/**
 * Attack 1: a peer whose {@code GET /chain} answer never ends. The node reads at most {@code max-chain-bytes} of it
 * (a block at most the chain's read limit, 256 KiB), hangs up, answers the resolve, and serves {@code /last_block} in time
 * throughout. Without the bounds it read such an answer until it ran out of memory.
 */
class EndlessAnswerTest {

    private static final String LIMITS = "node.peer.max-chain-bytes=2MB";

    @Test
    void anEndlessBlockIsCutOffAtTheBlockLimit() throws Exception {
        // one block that never closes: a previous_hash string that goes on for ever
        assertBounded("{\"chain\": [" + Blocks.GENESIS + ", {\"index\": 2, \"previous_hash\": \"", (byte) 'a', 256 * 1024 * 3);
    }

    @Test
    void anEndlessChainIsCutOffAtTheChainLimit() throws Exception {
        // white space between blocks is valid JSON, and no block ever comes to fail validation
        assertBounded("{\"chain\": [" + Blocks.GENESIS, (byte) ' ', 2 * 1024 * 1024);
    }

    private void assertBounded(String start, byte filler, long limit) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (RunningNode node = new RunningNode("node.difficulty=3", LIMITS);
                FakePeer peer = new FakePeer(); Bystander bystander = new Bystander(node.url)) {
            peer.serveChain(exchange -> endless(exchange, start, filler, sent));
            node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}");

            JsonNode answer = node.get("/nodes/resolve");

            assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
            await().atMost(Duration.ofSeconds(10)).until(() -> bystander.served() >= 3);
            assertThat(bystander.failures()).isEmpty();
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
            // what the peer got out before the node hung up: the limit plus what the sockets' buffers held
            assertThat(sent.get()).isLessThan(limit + 16L * 1024 * 1024);
        }
    }

    private static void endless(HttpExchange exchange, String start, byte filler, AtomicLong sent) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked, no length: it never ends
        OutputStream out = exchange.getResponseBody();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, filler);
        while (sent.get() < 8L * 1024 * 1024 * 1024) { // stops only when the node hangs up (or at 8 GB)
            out.write(chunk);
            sent.addAndGet(chunk.length);
        }
    }
}
