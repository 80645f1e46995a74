package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.ProofRule;

/**
 * Nodes in a line, each knowing only its neighbours, all fresh with genesis blocks of their own: a block mined at
 * one end reaches the other end, whether a node can append it or has to adopt the chain it belongs to.
 */
class RelayTest {

    private static final ProofRule RULE = new ProofRule(3);
    private static final int NODES = 4;

    private final List<RunningNode> line = new ArrayList<>();

    @AfterEach
    void stop() {
        line.forEach(RunningNode::close);
    }

    @Test
    void blocksMinedAtOneEndReachTheOtherEnd() throws Exception {
        for (int i = 0; i < NODES; i++) {
            line.add(new RunningNode("node.difficulty=3", "node.tcp.port=-1"));
        }
        for (int i = 0; i < NODES; i++) {
            List<String> neighbours = new ArrayList<>();
            if (i > 0) {
                neighbours.add(line.get(i - 1).url);
            }
            if (i < NODES - 1) {
                neighbours.add(line.get(i + 1).url);
            }
            assertThat(line.get(i).post("/nodes/register", "{\"nodes\": [\"" + String.join("\", \"", neighbours) + "\"]}")
                    .statusCode()).isEqualTo(201);
        }
        assertThat(line.stream().map(node -> node.chain().tip().hash()).distinct()).as("genesis blocks of their own")
                .hasSize(NODES);

        RunningNode first = line.getFirst();
        RunningNode last = line.getLast();
        for (int block = 2; block <= 4; block++) {
            SealedBlock forged = forge(first);
            assertThat(forged.index()).isEqualTo(block);
            await().atMost(Duration.ofSeconds(60)).until(() -> last.chain().tip().hash().equals(forged.hash()));
        }
        for (RunningNode node : line) {
            await().atMost(Duration.ofSeconds(60)).until(() -> node.chain().tip().hash().equals(first.chain().tip().hash()));
            ChainAssertions.assertValid(node.chain(), RULE);
        }
    }

    @Test
    void aBlockIsRelayedOnceToEveryPeerButTheOneItCameFrom() throws Exception {
        RunningNode node = new RunningNode("node.difficulty=3", "node.tcp.port=-1");
        line.add(node);
        FakePeer sender = new FakePeer();
        FakePeer other = new FakePeer();
        try {
            assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + sender.url() + "\", \"" + other.url() + "\"]}")
                    .statusCode()).isEqualTo(201);
            // the registration's sync proves them nodes (they answer with a chain): only then do they hear of blocks
            await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/nodes").get("proven").size() == 2);
            SealedBlock tip = node.chain().tip();
            SealedBlock theirs = NextBlock.on(tip).forge(Proofs.firstValid(tip.blockString(), RULE, 0), "their-miner",
                    ProvenBy.HTTP, Clock.systemUTC());
            HttpResponse<String> announced = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url + "/blocks"))
                    .header("Content-Type", "application/json").header(PeerOrigin.PORT_HEADER, String.valueOf(sender.port()))
                    .POST(HttpRequest.BodyPublishers.ofString(theirs.blockString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(announced.statusCode()).isEqualTo(201);
            SealedBlock ours = forge(node); // forged here: announced to both

            await().atMost(Duration.ofSeconds(30)).until(() -> sender.received.contains(ours.blockString())
                    && other.received.contains(ours.blockString()));
            assertThat(other.received).as("relayed, then ours, each once").containsExactly(theirs.blockString(), ours.blockString());
            assertThat(sender.received).as("never back to the sender").containsExactly(ours.blockString());
        } finally {
            sender.server.stop(0);
            other.server.stop(0);
        }
    }

    /** A peer that records the blocks announced to it. */
    private static final class FakePeer {
        final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();

        FakePeer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/chain", exchange -> { // a chain of its own genesis block: a node, shorter than ours
                byte[] chain = ("{\"chain\": [{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": "
                        + "1700000000.25, \"transactions\": []}], \"length\": 1}").getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, chain.length);
                exchange.getResponseBody().write(chain);
                exchange.close();
            });
            server.createContext("/blocks", exchange -> {
                received.add(CanonicalJson.encode(CanonicalJson.parse(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }
    }

    private static SealedBlock forge(RunningNode node) {
        var proof = Proofs.firstValid(node.chain().tip().blockString(), RULE, 0);
        return ((Submission.Forged) node.forge().submit(proof, "miner")).block();
    }
}
