package dev.blockmine.node.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** GET /events over real HTTP: one event per new tip, exactly the node's block and hash; at most N subscribers. */
@TestPropertySource(properties = {"node.difficulty=1", "node.tcp.port=-1", "node.events.max-subscribers=3",
        "node.events.heartbeat=200ms"})
class TipEventsTest extends NodeOnRandomPort {

    private static final ProofRule RULE = new ProofRule(1);

    @Autowired
    TipEvents tips;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSubscriberGetsTheTipThenAnEventPerForgedBlockAndPerAdoptedChain() throws Exception {
        try (EventReader reader = new EventReader(port)) {
            assertThat(reader.response.statusCode()).isEqualTo(200);
            assertThat(reader.response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertMatches(reader.next(), chain.tip()); // the current tip first

            for (int i = 0; i < 5; i++) {
                assertThat(mine(RULE)).isEqualTo(200);
                assertMatches(reader.next(), chain.tip());
            }

            // consensus adopts a longer chain: its tip is the next event
            List<SealedBlock> longer = new ArrayList<>(chain.blocks());
            for (int i = 0; i < 2; i++) {
                SealedBlock last = longer.getLast();
                longer.add(NextBlock.on(last).forge(Proofs.firstValid(last.blockString(), RULE, 0), "peer-miner",
                        ProvenBy.HTTP, Clock.systemUTC()));
            }
            assertThat(chain.replaceIfLonger(longer, Optional.of("http://peer.example:5000"))).isTrue();
            JsonNode replaced = reader.next();
            assertMatches(replaced, longer.getLast());
            assertThat(replaced.at("/block/transactions/0/recipient").stringValue()).isEqualTo("peer-miner");
            await().atMost(EventReader.timeout()).until(() -> reader.comments > 0); // the heartbeat
            assertThat(reader.waiting()).as("no event but one per tip").isZero();
        }
    }

    @Test
    void subscribersPastTheLimitAreRefusedAndThoseThatLeftAreFound() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            await().atMost(EventReader.timeout()).until(() -> tips.subscribers() == 0);
            for (int i = 0; i < 3; i++) {
                open.add(subscribeRaw());
            }
            await().atMost(EventReader.timeout()).until(() -> tips.subscribers() == 3);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url() + "/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(CanonicalJson.parse(refused.body()).path("message").stringValue()).contains("Too many", "3");
            assertThat(tips.subscribers()).isEqualTo(3);
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        // nothing tells the node they left but the next write: the heartbeat finds them
        await().atMost(EventReader.timeout()).until(() -> tips.subscribers() == 0);
        try (EventReader reader = new EventReader(port)) {
            assertThat(reader.response.statusCode()).isEqualTo(200);
            assertMatches(reader.next(), chain.tip());
        }
    }

    private static void assertMatches(JsonNode event, SealedBlock block) {
        assertThat(event.path("index").longValue()).isEqualTo(block.index());
        assertThat(CanonicalJson.encode(event.get("block"))).isEqualTo(block.blockString());
        assertThat(event.path("hash").stringValue()).isEqualTo(ProofRule.sha256Hex(block.blockString()));
    }

    private Socket subscribeRaw() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}
