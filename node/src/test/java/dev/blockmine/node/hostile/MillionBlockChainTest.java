package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * "Also seen": a fully invalid chain of 1,000,000 blocks (about 150 MB), whose second block already fails. The node
 * validates as the answer streams in and hangs up at that block: the peer gets out at most what the two sockets'
 * buffers hold (Linux grows a loopback receive buffer up to {@code tcp_rmem}'s maximum, 32 MB on a stock kernel), not
 * the chain, and the resolve answers at once. The size limit is raised to 1 GB here, so
 * that only the validation can stop the read; without streaming validation the node read the whole chain (10 s and
 * 2.7 GB) before refusing it.
 */
class MillionBlockChainTest {

    private static final int BLOCKS = 1_000_000;

    @Test
    void aMillionBlockChainIsRefusedAtItsFirstBadBlock() throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong blocksSent = new AtomicLong();
        AtomicBoolean cutOff = new AtomicBoolean();
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.peer.max-chain-bytes=1GB",
                "node.peer.deadline=60s"); FakePeer peer = new FakePeer(); Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            peer.serveChain(exchange -> stream(exchange, sent, blocksSent, cutOff));
            node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}");
            String ours = node.chain().tip().blockString();

            JsonNode answer = node.get("/nodes/resolve");

            assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
            await().atMost(Duration.ofSeconds(10)).untilTrue(cutOff);
            long socketBuffers = SocketBuffers.mostAConnectionHolds();
            assertThat(sent.get()).as("bytes the peer got out, with sockets holding up to %,d", socketBuffers)
                    .isLessThan(socketBuffers + 4L * 1024 * 1024);
            assertThat(blocksSent.get()).as("blocks the peer got out of %,d", BLOCKS).isLessThan(BLOCKS / 2);
            assertThat(node.chain().tip().blockString()).isEqualTo(ours);
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
            await().atMost(Duration.ofSeconds(10)).until(() -> bystander.served() >= 3);
            assertThat(bystander.failures()).isEmpty();
        }
    }

    /** The course genesis, then 999,999 blocks made as they are sent, from the first with a proof that fails. */
    private static void stream(HttpExchange exchange, AtomicLong sent, AtomicLong blocksSent, AtomicBoolean cutOff)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: the length is never announced
        OutputStream out = exchange.getResponseBody();
        String previousHash = ProofRule.sha256Hex(Blocks.GENESIS);
        long badProof = 0;
        while (Blocks.RULE.isValid(Blocks.GENESIS, BigInteger.valueOf(badProof))) {
            badProof++;
        }
        try {
            write(out, "{\"chain\": [" + Blocks.GENESIS, sent);
            for (int index = 2; index <= BLOCKS; index++) {
                write(out, ", {\"index\": " + index + ", \"previous_hash\": \"" + previousHash + "\", \"proof\": " + badProof
                        + ", \"timestamp\": 1700000000.5, \"transactions\": [{\"amount\": 1, \"recipient\": \"eve\", "
                        + "\"sender\": \"0\"}]}", sent);
                blocksSent.incrementAndGet();
            }
            write(out, "], \"length\": " + BLOCKS + "}", sent);
        } catch (IOException e) {
            cutOff.set(true); // the node hung up
            throw e;
        }
    }

    private static void write(OutputStream out, String text, AtomicLong sent) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        sent.addAndGet(bytes.length);
    }
}
