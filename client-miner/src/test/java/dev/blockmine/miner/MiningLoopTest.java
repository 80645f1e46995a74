package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestProofSearch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** The miner against misbehaving nodes: it says what happened, retries, and never crashes. */
class MiningLoopTest {

    private static final ProofRule RULE = new ProofRule(3);

    private final Printed printed = new Printed();
    private final PrintStream out = printed.out;

    /** A node that answers HTML errors and plain text before it behaves, and HTML to the first proof. */
    static final class HostileNode extends Dispatcher {
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger posts = new AtomicInteger();
        volatile String lastPostBody;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if ("POST".equals(request.getMethod())) {
                lastPostBody = request.getBody().utf8();
                return posts.incrementAndGet() == 1
                        ? new MockResponse.Builder().code(500).body("<html><body><h1>Internal Server Error</h1></body></html>").build()
                        : new MockResponse.Builder().code(200).body("{\"message\": \"New Block Forged\", \"index\": 3}").build();
            }
            int get = gets.incrementAndGet();
            if (get == 1) {
                return new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build();
            }
            if (get == 2) {
                return new MockResponse.Builder().code(200).body("service warming up").build();
            }
            return posts.get() == 0
                    ? new MockResponse.Builder().body("{\"last_block\": " + Printed.BLOCK_A + "}").build()
                    : new MockResponse.Builder().body(Printed.BLOCK_B).build(); // bare, as some nodes serve it
        }
    }

    @Test
    void survivesNonJsonAnswersAndCountsTheCoin() throws Exception {
        HostileNode node = new HostileNode();
        try (MockWebServer server = new MockWebServer(); DigestProofSearch search = new DigestProofSearch(1)) {
            server.setDispatcher(node);
            server.start(0);
            MiningLoop loop = new MiningLoop(new NodeClient(server.url("/").toString(), Duration.ofSeconds(5)), search,
                    RULE, "ana\n", Duration.ofSeconds(1), 1, out);
            MiningSummary summary = loop.run();

            String said = printed.text();
            assertThat(said).contains("GET /last_block answered 502: (non-JSON body) <html>Bad Gateway</html>; retrying in 1 s")
                    .contains("GET /last_block answered a non-JSON body: service warming up; retrying in 2 s")
                    .contains("Mining block 2: proof of work started")
                    .contains("Failure: the node answered 500 \"(non-JSON body) <html><body><h1>Internal Server Error</h1></body></html>\"")
                    .contains("Mining block 3: proof of work started")
                    .contains("Success: the node answered 200 \"New Block Forged\"")
                    .contains("Coins: 1");
            assertThat(summary.coins()).isEqualTo(1);
            assertThat(node.posts.get()).isEqualTo(2);
            var posted = CanonicalJson.parse(node.lastPostBody);
            assertThat(posted.get("id").stringValue()).isEqualTo("ana\n");
            assertThat(RULE.isValid(Printed.BLOCK_B, posted.get("proof").bigIntegerValue())).isTrue();
        }
    }

    @Test
    void waitsForANodeThatIsDownAndStopsPromptly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        try (DigestProofSearch search = new DigestProofSearch(1)) {
            MiningLoop loop = new MiningLoop(new NodeClient("127.0.0.1:" + port, Duration.ofSeconds(2)), search, RULE,
                    "ana", Duration.ofSeconds(1), 0, out);
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            printed.awaitLine("retrying in 2 s");
            loop.stop();
            MiningSummary summary = running.get(5, TimeUnit.SECONDS);
            assertThat(summary.coins()).isZero();
            assertThat(printed.text())
                    .contains("Node at http://127.0.0.1:" + port + " is unreachable").contains("retrying in 1 s");
        }
    }
}
