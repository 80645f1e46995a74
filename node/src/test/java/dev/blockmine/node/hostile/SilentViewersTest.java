package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.NodeProcess;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * Attacks 1 and 2 of round three, against real nodes. A 3 MB tip and 400 {@code GET /events} sockets that never read
 * filled a 512 MB heap (each writer encoded its own copy of the tip) until Tomcat's poller died; and one address
 * could take every {@code /events} slot. Blocks are now at most 64 KiB; here the fullest tip there is and 400 silent
 * viewers against a 256 MB heap: no full collection, and {@code GET /last_block} served in time throughout.
 */
class SilentViewersTest {

    /** A heartbeat a second, not the users' 5 s: the node writes to its silent viewers, and finds those gone, sooner. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final String GET_EVENTS = "GET /events HTTP/1.1\r\nHost: node\r\nAccept: text/event-stream\r\n\r\n";

    @Test
    void aFullTipAndFourHundredSilentViewersDoNotExhaustA256MbHeap(@TempDir Path dir) throws Exception {
        try (NodeProcess node = new NodeProcess(dir.resolve("node.log"), Duration.ofSeconds(60), List.of("-Xmx256m", "-Xlog:gc:file=" + dir.resolve("gc.log")),
                "--node.difficulty=3", "--node.ledger=open", "--node.max-pending-per-sender=1000",
                "--node.events.max-subscribers-per-address=1000", "--node.events.heartbeat=" + HEARTBEAT.toMillis() + "ms");
                HttpClient http = HttpClient.newHttpClient()) {
            String party = "x".repeat(250);
            for (int i = 0; i < 130; i++) { // spends of 500 bytes until the block is full: the largest tip there is
                String body = "{\"sender\": \"" + party.substring(5) + i + "\", \"recipient\": \"" + party + "\", \"amount\": 1}";
                http.send(post(node.url() + "/transactions/new", body), HttpResponse.BodyHandlers.ofString());
            }
            String last = CanonicalJson.encode(CanonicalJson.parse(node.get("/last_block")).get("last_block"));
            BigInteger proof = Proofs.firstValid(last, Blocks.RULE, 0);
            assertThat(http.send(post(node.url() + "/mine", "{\"proof\": " + proof + ", \"id\": \"fat\"}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(node.get("/last_block").length()).isGreaterThan(50_000);

            List<Socket> viewers = new ArrayList<>();
            try (Bystander bystander = new Bystander(node.url())) {
                bystander.warmedUp();
                for (int i = 0; i < 400; i++) { // in 2 s, as the attack opened 1,000 in 2 s
                    viewers.add(silentViewer(node.port(), "127.0.0.1"));
                    Thread.sleep(5);
                }
                int servedBefore = bystander.served();
                // 2 to 6 s, heartbeats to every silent viewer meanwhile (with the users' 5 s, at most one)
                await().atMost(Duration.ofSeconds(60)).until(() -> bystander.served() >= servedBefore + 20);
                assertThat(bystander.failures()).as("GET /last_block served in time throughout").isEmpty();
            } finally {
                for (Socket viewer : viewers) {
                    viewer.close();
                }
            }
            assertThat(CanonicalJson.parse(node.get("/last_block")).get("last_block").get("index").longValue()).isEqualTo(2);
            String gc = Files.readString(dir.resolve("gc.log"));
            assertThat(gc).as("no collection that could not free the heap").doesNotContain("Pause Full");
        }
    }

    @Test
    void oneAddressCannotTakeEveryEventsSlot() throws Exception {
        // the node finds a stream whose reader left at its next heartbeat
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.events.max-subscribers-per-address=64",
                "node.events.heartbeat=" + HEARTBEAT.toMillis() + "ms")) {
            int port = Integer.parseInt(node.url.substring(node.url.lastIndexOf(':') + 1));
            List<Socket> mine = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    Socket socket = silentViewer(port, "127.0.0.1");
                    mine.add(socket);
                    assertThat(statusLine(socket)).as("stream %d", i).contains(" 200");
                }
                Socket refused = silentViewer(port, "127.0.0.1");
                mine.add(refused);
                assertThat(statusLine(refused)).contains(" 503");
                assertThat(new String(refused.getInputStream().readNBytes(2000), StandardCharsets.UTF_8))
                        .contains("from 127.0.0.1").contains("64");

                Socket honest = silentViewer(port, "127.0.0.2");
                mine.add(honest);
                assertThat(statusLine(honest)).as("a miner from another address").contains(" 200");
            } finally {
                for (Socket socket : mine) {
                    socket.close();
                }
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(statusLine(silentViewer(port, "127.0.0.1"))).as("slots given back").contains(" 200"));
        }
    }

    /** A {@code GET /events} from {@code from} whose reader never reads (a small receive buffer fills at once). */
    private static Socket silentViewer(int port, String from) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(GET_EVENTS.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
