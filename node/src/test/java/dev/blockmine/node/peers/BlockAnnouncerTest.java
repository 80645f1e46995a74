package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpServer;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.CanonicalJson;

/**
 * Announcements to a peer that fails: retried with back-off (the first retry after {@code firstRetry}, doubling), five
 * tries in all, and given up early, for the newer block, as soon as one waits for that peer. Only lower bounds on the
 * pauses are asserted: a loaded machine only makes them longer.
 */
class BlockAnnouncerTest {

    /** One request the fake peer received: the index of the block and when it came. */
    private record Received(long index, long nanos) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Chain chain = new Chain(Clock.systemUTC(), 10);
    private HttpServer server;
    private PeerClient client;
    private Peers peers;
    private String peer;

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aFailingPeerIsTriedFiveTimesWithDoublingPauses() {
        Duration firstRetry = Duration.ofMillis(100);
        announceTo(index -> 503, firstRetry);

        forge();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == BlockAnnouncer.ATTEMPTS);
        for (int i = 1; i < received.size(); i++) {
            long pause = received.get(i).nanos() - received.get(i - 1).nanos();
            assertThat(Duration.ofNanos(pause)).as("pause before try %d", i + 1)
                    .isGreaterThanOrEqualTo(firstRetry.multipliedBy(1L << (i - 1)));
        }
        assertThat(received).extracting(Received::index).containsOnly(2L);
        // given up: no sixth try, which would have come 16 × firstRetry after the fifth
        await().during(firstRetry.multipliedBy(30)).atMost(Duration.ofSeconds(30))
                .until(() -> received.size() == BlockAnnouncer.ATTEMPTS);
    }

    @Test
    void aNewerBlockEndsTheRetriesOfAnOlderOne() {
        announceTo(index -> index == 2 ? 503 : 201, Duration.ofMinutes(10)); // a retry would come far beyond the test

        forge();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        forge();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertThat(received).extracting(Received::index).containsExactly(2L, 3L);
    }

    @Test
    void aRefusalOnItsMeritsIsNotRetried() {
        announceTo(index -> index == 2 ? 409 : 201, Duration.ofMillis(10));

        forge();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        forge(); // a retry of block 2 would have come long before this one (10 ms after the refusal)

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertThat(received).extracting(Received::index).containsExactly(2L, 3L);
    }

    @Test
    void aPeerProvenAfterOurTipMovedIsSentOurTipOnce() {
        announceTo(index -> 201, Duration.ofMillis(10), false); // its registration's first exchange still under way
        peers.proven(peer); // proven while we have only our genesis block: nothing to tell
        peers.remove(peer);
        peers.register(List.of(peer));

        forge();
        forge(); // neither goes to a peer not proven
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30)).until(received::isEmpty);

        peers.proven(peer);
        peers.proven(peer); // proven again: no second greeting
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        forge();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertThat(received).extracting(Received::index).containsExactly(3L, 4L);
    }

    private void announceTo(IntUnaryOperator status, Duration firstRetry) {
        announceTo(status, firstRetry, true);
    }

    /** A peer answering each block's index with {@code status}, proven or not yet; our announcer told of it. */
    private void announceTo(IntUnaryOperator status, Duration firstRetry, boolean proven) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        server.createContext("/blocks", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                long index = CanonicalJson.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8)).get("index").longValue();
                received.add(new Received(index, System.nanoTime()));
                exchange.sendResponseHeaders(status.applyAsInt((int) index), -1);
            }
            exchange.close();
        });
        server.start();
        peer = "http://127.0.0.1:" + server.getAddress().getPort();
        PeerProperties properties = new PeerProperties(List.of(), 64, List.of(AddressRange.LOOPBACK), 1000,
                Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(3), DataSize.ofMegabytes(1), 8);
        peers = new Peers(properties, Clock.systemUTC());
        peers.register(List.of(peer));
        if (proven) {
            peers.proven(peer);
        }
        client = new PeerClient(peers, properties);
        new BlockAnnouncer(chain, peers, client, firstRetry, () -> 5000);
    }

    private void forge() {
        assertThat(Forging.forge(chain, BigInteger.ONE, "us")).isPresent();
    }
}
