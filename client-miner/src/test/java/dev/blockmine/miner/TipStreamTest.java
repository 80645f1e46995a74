package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestProofSearch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * The miner listening for new tips: it drops its search when one is pushed, reconnects a stream that drops, ignores
 * what it cannot read, and polls a node that has no stream. The miner believes in 9 zeros: it never finishes a search
 * by itself, so only news of a new block ends one.
 */
class TipStreamTest {

    private static final ProofRule NEVER = new ProofRule(9);

    private final Printed printed = new Printed();
    private final PrintStream out = printed.out;

    /** Streams that close at once: a heartbeat and an unreadable event, then the tip B, then heartbeats. */
    static final class StreamingNode extends Dispatcher {
        final AtomicInteger streams = new AtomicInteger();
        final AtomicBoolean pushed = new AtomicBoolean();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/events")) {
                String body = switch (streams.incrementAndGet()) {
                    case 1 -> ": keep-alive\n\nevent: tip\ndata: not json\n\nevent: tip\ndata: {\"index\": 5}\n\n";
                    case 2 -> "event: tip\nid: 2\ndata: {\"block\": " + Printed.BLOCK_B + ", \"hash\": \"x\", \"index\": 2}\n\n";
                    default -> ": keep-alive\n\n";
                };
                if (streams.get() == 2) {
                    pushed.set(true);
                }
                return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
            }
            return new MockResponse.Builder().body("{\"last_block\": " + (pushed.get() ? Printed.BLOCK_B : Printed.BLOCK_A) + "}").build();
        }
    }

    /** A loop listening for tips from {@code server}, started here answering as {@code node}; it polls every {@code poll}. */
    private MiningLoop listeningOn(MockWebServer server, Dispatcher node, DigestProofSearch search, Duration poll)
            throws IOException {
        server.setDispatcher(node);
        server.start(0);
        return new MiningLoop(new NodeClient(server.url("/").toString(), Duration.ofSeconds(5)), search, NEVER, "ana", poll,
                0, out).listeningForTips();
    }

    @Test
    void dropsTheSearchWhenANewTipIsPushedAndReconnectsTheStream() throws Exception {
        StreamingNode node = new StreamingNode();
        try (MockWebServer server = new MockWebServer(); DigestProofSearch search = new DigestProofSearch(1)) {
            // it never polls: only a pushed tip can end the search on block A
            MiningLoop loop = listeningOn(server, node, search, Duration.ofHours(1));
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            printed.awaitLine("Mining block 3: proof of work started");
            loop.stop();
            running.get(10, TimeUnit.SECONDS);
            assertThat(printed.text()).contains("Watching for new blocks: push (server-sent events)")
                    .contains("Watching for new blocks: polling every 3600 s (event stream closed by the node; reconnecting)")
                    .contains("Mining block 2: proof of work started")
                    .contains("Block 2 was forged by someone else after").contains("moving on to block 3")
                    .doesNotContain("Exception");
            assertThat(node.streams.get()).isGreaterThanOrEqualTo(2);
        }
    }

    /** A stream that opened and then broke (the node killed mid-stream) is reconnected, not taken for no stream. */
    @Test
    void reconnectsAStreamCutInTheMiddle() throws Exception {
        AtomicInteger streams = new AtomicInteger();
        AtomicBoolean pushed = new AtomicBoolean();
        Dispatcher node = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/events")) {
                    return new MockResponse.Builder().body("{\"last_block\": " + (pushed.get() ? Printed.BLOCK_B : Printed.BLOCK_A) + "}").build();
                }
                MockResponse.Builder stream = new MockResponse.Builder().addHeader("Content-Type", "text/event-stream");
                return switch (streams.incrementAndGet()) {
                    case 1 -> stream.chunkedBody(": keep-alive\n\n: keep-alive\n\n", 4).onResponseBody(new SocketEffect.CloseSocket()).build();
                    case 2 -> {
                        pushed.set(true);
                        yield stream.body("event: tip\ndata: {\"block\": " + Printed.BLOCK_B + ", \"hash\": \"x\", \"index\": 2}\n\n").build();
                    }
                    default -> stream.body(": keep-alive\n\n").build();
                };
            }
        };
        try (MockWebServer server = new MockWebServer(); DigestProofSearch search = new DigestProofSearch(1)) {
            MiningLoop loop = listeningOn(server, node, search, Duration.ofHours(1)); // only a pushed tip ends block 2
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            printed.awaitLine("Mining block 3: proof of work started");
            loop.stop();
            running.get(10, TimeUnit.SECONDS);
            assertThat(printed.text()).contains("(event stream dropped (").contains("Block 2 was forged by someone else after")
                    .doesNotContain("the node has no event stream");
            assertThat(streams.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404 | text/html        | <html><h1>Not Found</h1></html> | GET /events answered 404",
        "200 | application/json | {\"last_block\": {}}           | GET /events answered 200, Invalid content-type: application/json"})
    void pollsANodeWithoutAStream(int status, String type, String body, String said) throws Exception {
        AtomicInteger gets = new AtomicInteger();
        Dispatcher courseNode = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/events")) {
                    return new MockResponse.Builder().code(status).addHeader("Content-Type", type).body(body).build();
                }
                return new MockResponse.Builder().body("{\"last_block\": " + (gets.incrementAndGet() < 4 ? Printed.BLOCK_A : Printed.BLOCK_B) + "}").build();
            }
        };
        try (MockWebServer server = new MockWebServer(); DigestProofSearch search = new DigestProofSearch(1)) {
            MiningLoop loop = listeningOn(server, courseNode, search, Duration.ofMillis(100));
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            printed.awaitLine("Block 2 was forged by someone else");
            printed.awaitLine("the node has no event stream");
            loop.stop();
            running.get(10, TimeUnit.SECONDS);
            assertThat(printed.text()).contains("Watching for new blocks: polling every 0.1 s (the node has no event stream: " + said + ")")
                    .doesNotContain("push (server-sent events)");
        }
    }
}
