package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.ReservedNamesResolver;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * Attacks 8 and 9: thousands of dead peers, and peer URLs no node can be at. The registry holds at most
 * {@code max-peers}, checks every URL in full (ports, schemes, ranges, itself), drops peers that keep failing,
 * and lets a peer be removed; resolves keep answering.
 */
class PeerRegistryTest {

    @Test
    void tenThousandDeadPeersCostAtMostTheCapAndAreDropped() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.peer.max-peers=64", "node.peer.max-failures=3",
                "node.peer.drop-after=0s"); Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            long fdsBefore = openFiles();
            List<Integer> statuses = new ArrayList<>();
            for (int request = 0; request < 33; request++) { // 33 requests of 303 addresses: 9,999 dead peers
                int count = request == 0 ? 60 : 303;
                List<String> dead = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = request * 303 + i;
                    dead.add("\"http://127.0." + (1 + n / 250) + "." + (1 + n % 250) + ":9\"");
                }
                statuses.add(node.post("/nodes/register", "{\"nodes\": [" + String.join(", ", dead) + "]}").statusCode());
            }
            assertThat(statuses.getFirst()).isEqualTo(201);
            assertThat(statuses.subList(1, statuses.size())).containsOnly(409);
            assertThat(node.get("/nodes").get("nodes").size()).isEqualTo(60);

            AtomicLong peakFds = new AtomicLong();
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakFds.accumulateAndGet(openFiles(), Math::max);
                    Thread.onSpinWait();
                }
            });
            BigInteger proof = Proofs.firstValid(node.chain().tip().blockString(), Blocks.RULE, 0);
            assertThat(node.forge().submit(proof, "miner")).isInstanceOf(Submission.Forged.class);
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");

            // a dead peer rests between tries (1 s, then 2 s): resolves now and then wear it out
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> node.get("/nodes/resolve") != null && node.get("/nodes").get("nodes").isEmpty());
            watcher.interrupt();
            assertThat(peakFds.get() - fdsBefore).as("file descriptors opened for 10,000 dead peers").isLessThan(400);
            assertThat(node.get("/last_block").get("last_block").get("index").intValue()).isEqualTo(2);
            assertThat(bystander.failures()).isEmpty();
        }
    }

    @Test
    void impossiblePeerUrlsAreRefusedAndPeersCanBeRemoved() throws Exception {
        // a host that does not resolve is told so by the tests' resolver, without asking DNS
        assertThatThrownBy(() -> InetAddress.getAllByName("no-such-host.invalid"))
                .hasMessageContaining(ReservedNamesResolver.NEVER_RESOLVES);
        try (RunningNode node = new RunningNode("node.difficulty=3"); FakePeer peer = new FakePeer()) {
            String self = node.url.replace("127.0.0.1", "localhost");
            for (String bad : List.of("http://127.0.0.1:99999", "http://127.0.0.1:0", "ftp://127.0.0.1:5000",
                    "http://169.254.169.254", "http://[fe80::1]:5000", "http://0.0.0.0:5000", "http://8.8.8.8:5000",
                    "http://user@127.0.0.1:5000", "http://127.0.0.1:5000/chain", "http://127.0.0.1:5000?x=1", "http://",
                    "http://no-such-host.invalid:5000", "x".repeat(300))) {
                var answer = node.post("/nodes/register", "{\"nodes\": [" + CanonicalJson.quote(bad) + "]}");
                assertThat(answer.statusCode()).as(bad).isEqualTo(400);
                assertThat(CanonicalJson.parse(answer.body()).get("message").stringValue()).as(bad).isNotBlank();
            }
            assertThat(node.get("/nodes").get("nodes")).isEmpty();

            assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}").statusCode()).isEqualTo(201);
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");
            assertThat(delete(node, peer.url()).statusCode()).isEqualTo(200);
            assertThat(delete(node, peer.url()).statusCode()).isEqualTo(404);
            assertThat(node.get("/nodes").get("nodes")).isEmpty();
        }
        try (RunningNode open = new RunningNode("node.difficulty=3", "node.peer.allowed-ranges=loopback,private,public")) {
            assertThat(open.post("/nodes/register", "{\"nodes\": [\"http://8.8.8.8:5000\"]}").statusCode()).isEqualTo(201);
            assertThat(open.post("/nodes/register", "{\"nodes\": [\"http://169.254.169.254\"]}").statusCode()).isEqualTo(400);
        }
    }

    /** Attack 9 of round three: a membership list that includes the node itself used to be refused whole. */
    @Test
    void aListIncludingTheNodeItselfAddsTheOthers() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); FakePeer b = new FakePeer(); FakePeer c = new FakePeer()) {
            String self = node.url.replace("127.0.0.1", "localhost");
            var answer = node.post("/nodes/register", "{\"nodes\": [" + CanonicalJson.quote(node.url) + ", "
                    + CanonicalJson.quote(b.url()) + ", " + CanonicalJson.quote(self) + ", " + CanonicalJson.quote(c.url()) + "]}");
            assertThat(answer.statusCode()).isEqualTo(201);
            var body = CanonicalJson.parse(answer.body());
            assertThat(body.get("message").stringValue()).contains("skipped").contains(node.url).contains("this node itself");
            assertThat(body.get("skipped").values().stream().map(n -> n.stringValue()).toList())
                    .containsExactly(node.url, "http://localhost:" + node.url.substring(node.url.lastIndexOf(':') + 1));
            assertThat(node.get("/nodes").get("nodes").values().stream().map(n -> n.stringValue()).toList())
                    .containsExactly(b.url(), c.url());
        }
    }

    /** Attack 4 of round three: a peer that failed once and then answered used to vanish from the list. */
    @Test
    void aPeerThatFailedOnceAndRecoveredStaysAPeer() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); FakePeer peer = new FakePeer()) {
            assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}").statusCode()).isEqualTo(201);
            peer.serveChain(exchange -> exchange.sendResponseHeaders(500, -1)); // restarting
            node.get("/nodes/resolve");
            peer.serveChain(List.of(Blocks.GENESIS)); // back
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");
            assertThat(node.get("/nodes").get("nodes").values().stream().map(n -> n.stringValue()).toList())
                    .containsExactly(peer.url());
            node.get("/nodes/resolve");
            assertThat(node.get("/nodes").get("nodes").size()).isEqualTo(1);
        }
    }

    private static HttpResponse<String> delete(RunningNode node, String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(node.url + "/nodes?url=" + URLEncoder.encode(url,
                    StandardCharsets.UTF_8))).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static long openFiles() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }
}
