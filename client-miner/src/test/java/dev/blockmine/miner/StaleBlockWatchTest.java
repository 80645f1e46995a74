package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.search.SearchControl;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/** The two ways a mining loop hears that its block is gone, each on its own, without a search running. */
class StaleBlockWatchTest {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Printed printed = new Printed();

    /** Serves block A, or B once {@code forged}; {@code /events} as {@code events} says; counts the polls. */
    private static final class Node extends Dispatcher {
        final AtomicBoolean forged = new AtomicBoolean();
        final AtomicInteger polls = new AtomicInteger();
        final MockResponse events;

        Node(MockResponse events) {
            this.events = events;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/events")) {
                return events;
            }
            polls.incrementAndGet();
            return new MockResponse.Builder()
                    .body("{\"last_block\": " + (forged.get() ? Printed.BLOCK_B : Printed.BLOCK_A) + "}").build();
        }
    }

    private static NodeClient client(MockWebServer server) {
        return new NodeClient(server.url("/").toString(), Duration.ofSeconds(5));
    }

    private static NodeClient client(MockWebServer server, Dispatcher node) throws IOException {
        server.setDispatcher(node);
        server.start(0);
        return client(server);
    }

    private static SearchedBlock blockA(SearchControl control) {
        return new SearchedBlock(CanonicalJson.parse(Printed.BLOCK_A), control);
    }

    @Test
    void pollingCancelsTheSearchOnceTheNodeHasAnotherBlock() throws Exception {
        Node node = new Node(new MockResponse.Builder().code(404).build());
        try (MockWebServer server = new MockWebServer()) {
            SearchControl control = new SearchControl();
            SearchedBlock block = blockA(control);
            try (StaleBlockWatch watch = StaleBlockWatch.start(client(server, node), false, POLL, printed.out);
                    StaleBlockWatch.Watching watching = watch.watch(block)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> node.polls.get() >= 3);
                assertThat(control.isCancelled()).as("block A is still the node's last block").isFalse();
                node.forged.set(true);
                await().atMost(Duration.ofSeconds(30)).until(control::isCancelled);
                assertThat(block.forgedElsewhere()).contains("3");
                assertThat(watch.latest()).isEmpty();
            }
            assertThat(printed.text()).isEqualTo("Watching for new blocks: polling every 0.02 s" + System.lineSeparator());
        }
    }

    @Test
    void aClosedPollingWatchAsksNoMore() throws Exception {
        Node node = new Node(new MockResponse.Builder().code(404).build());
        try (MockWebServer server = new MockWebServer()) {
            SearchControl control = new SearchControl();
            StaleBlockWatch.Watching watching = new PollingWatch(client(server, node), POLL).watch(blockA(control));
            await().atMost(Duration.ofSeconds(30)).until(() -> node.polls.get() >= 2);
            watching.close();
            int polled = node.polls.get() + 1; // one may have been under way
            // ten intervals in which an open watch would have asked ten times
            await().during(POLL.multipliedBy(10)).atMost(Duration.ofSeconds(30)).until(() -> node.polls.get() <= polled);
            assertThat(control.isCancelled()).isFalse();
        }
    }

    /** A stream that pushes the tip A at once, and the tip B when the test says so; then it ends. */
    private static MockResponse streamPushingBLater(CountDownLatch pushB) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("event: tip\ndata: {\"block\": " + Printed.BLOCK_A + ", \"hash\": \"x\", \"index\": 1}\n\n").flush();
                try {
                    pushB.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.writeUtf8("event: tip\ndata: {\"block\": " + Printed.BLOCK_B + ", \"hash\": \"y\", \"index\": 2}\n\n").flush();
            }
        }).build();
    }

    @Test
    void aPushedTipCancelsTheSearchAndTheNodeIsNotPolledWhileTheStreamIsLive() throws Exception {
        CountDownLatch pushB = new CountDownLatch(1);
        Node node = new Node(streamPushingBLater(pushB));
        try (MockWebServer server = new MockWebServer();
                StaleBlockWatch watch = StaleBlockWatch.start(client(server, node), true, POLL, printed.out)) {
            printed.awaitLine("Watching for new blocks: push (server-sent events)");
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.latest().isPresent());
            SearchControl control = new SearchControl();
            SearchedBlock block = blockA(control);
            try (StaleBlockWatch.Watching watching = watch.watch(block)) {
                // ten poll intervals of a live stream: nobody asks for the last block
                await().during(POLL.multipliedBy(10)).atMost(Duration.ofSeconds(30)).until(() -> node.polls.get() == 0);
                assertThat(control.isCancelled()).as("the tip heard is the block searched on").isFalse();
                pushB.countDown();
                await().atMost(Duration.ofSeconds(30)).until(control::isCancelled);
                assertThat(block.forgedElsewhere()).contains("3");
            }
        } finally {
            pushB.countDown();
        }
    }

    /** A node without a stream (a course node) is polled at the interval, as with --no-push. */
    @Test
    void aPushWatchPollsWhileTheNodeHasNoStream() throws Exception {
        Node node = new Node(new MockResponse.Builder().code(404).body("<html>Not Found</html>").build());
        try (MockWebServer server = new MockWebServer();
                StaleBlockWatch watch = StaleBlockWatch.start(client(server, node), true, POLL, printed.out)) {
            printed.awaitLine("the node has no event stream: GET /events answered 404");
            SearchControl control = new SearchControl();
            SearchedBlock block = blockA(control);
            try (StaleBlockWatch.Watching watching = watch.watch(block)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> node.polls.get() >= 3);
                node.forged.set(true);
                await().atMost(Duration.ofSeconds(30)).until(control::isCancelled);
                assertThat(block.forgedElsewhere()).contains("3");
            }
        }
    }

    @Test
    void aBlockIsStaleOnceALaterTipOrAnotherBlockAtItsHeightIsHeard() {
        SearchControl control = new SearchControl();
        SearchedBlock block = new SearchedBlock(CanonicalJson.parse(Printed.BLOCK_B), control);
        block.heard(tip(Printed.BLOCK_A)); // older: old news
        block.heard(tip(Printed.BLOCK_B)); // the block itself
        block.polled(CanonicalJson.parse(Printed.BLOCK_B));
        assertThat(control.isCancelled()).isFalse();
        block.heard(tip(Printed.BLOCK_B.replace("\"proof\": 7", "\"proof\": 8"))); // a rival at the same height
        assertThat(control.isCancelled()).isTrue();
        assertThat(block.forgedElsewhere()).contains("3");
        block.polled(CanonicalJson.parse(Printed.BLOCK_A));
        assertThat(block.forgedElsewhere()).as("the first news is kept").contains("3");
    }

    @Test
    void aBlockWithoutAnIntegerIndexIsWatchedByPollingAlone() {
        SearchControl control = new SearchControl();
        SearchedBlock block = new SearchedBlock(CanonicalJson.parse("{\"index\": \"seven\"}"), control);
        assertThat(block.index()).isEqualTo("after \"seven\"");
        block.heard(tip(Printed.BLOCK_B));
        assertThat(control.isCancelled()).isFalse();
        block.polled(CanonicalJson.parse(Printed.BLOCK_A));
        assertThat(block.forgedElsewhere()).contains("2");
    }

    private static Tip tip(String block) {
        return Tip.of(CanonicalJson.parse(block)).orElseThrow();
    }
}
