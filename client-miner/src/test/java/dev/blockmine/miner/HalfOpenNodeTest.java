package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;
import dev.blockmine.pow.search.DigestNonceSearch;
import dev.blockmine.pow.search.DigestProofSearch;

/**
 * A node that accepts the miner's connection and then never answers (a half-open connection: the node's machine
 * went away without a word) used to hang the TCP miner for ever; now it gives up on the answer, reconnects and
 * says why (the HTTP miner's requests have always had a deadline: checked too). A node that sends frames faster
 * than the miner takes them is read only a bounded way ahead.
 */
class HalfOpenNodeTest {

    private final Printed printed = new Printed();

    @Test
    void aNodeThatNeverAnswersIsLeftAndReconnectedTo() throws Exception {
        try (ServerSocket node = new ServerSocket(0); DigestNonceSearch search = new DigestNonceSearch(1)) {
            List<Socket> accepted = holdEveryConnection(node);
            TcpMiningLoop loop = new TcpMiningLoop("127.0.0.1:" + node.getLocalPort(), search, "ana", 0, printed.out,
                    Duration.ofSeconds(1));
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            try {
                printed.awaitLine("Disconnected: the node did not answer within 1 s");
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 2); // after the 1 s back-off
            } finally {
                loop.stop();
                accepted.forEach(HalfOpenNodeTest::close);
            }
            assertThat(running.get(10, TimeUnit.SECONDS).coins()).isZero();
        }
    }

    @Test
    void anHttpNodeThatNeverAnswersIsRetried() throws Exception {
        try (ServerSocket node = new ServerSocket(0); DigestProofSearch search = new DigestProofSearch(1)) {
            List<Socket> accepted = holdEveryConnection(node);
            MiningLoop loop = new MiningLoop(new NodeClient("127.0.0.1:" + node.getLocalPort(), Duration.ofSeconds(1)),
                    search, new ProofRule(3), "ana", Duration.ofSeconds(1), 0, printed.out);
            CompletableFuture<MiningSummary> running = CompletableFuture.supplyAsync(loop::run);
            try {
                printed.awaitLine("retrying in 1 s");
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 2);
            } finally {
                loop.stop();
                accepted.forEach(HalfOpenNodeTest::close);
            }
            assertThat(running.get(10, TimeUnit.SECONDS).coins()).isZero();
        }
    }

    @Test
    void framesAreReadOnlyABoundedWayAheadOfTheMiner() throws Exception {
        try (ServerSocket node = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try (Socket miner = node.accept(); OutputStream out = miner.getOutputStream()) {
                    byte[] rejected = FrameCodec.encode(new Frame.Rejected(7));
                    for (int i = 0; i < 10_000; i++) {
                        out.write(rejected);
                    }
                    out.flush();
                    new DataInputStream(miner.getInputStream()).readAllBytes(); // until the miner closes
                } catch (IOException e) {
                    // the test is over
                }
            });
            AtomicInteger heard = new AtomicInteger();
            try (TcpSession session = TcpSession.open(TcpAddress.parse("127.0.0.1:" + node.getLocalPort()),
                    Duration.ofSeconds(5), event -> heard.incrementAndGet())) {
                // the inbox full, and one more frame read that waits for room
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                        .until(() -> heard.get() == TcpSession.INBOX + 1);
                assertThat(session.next(Duration.ofSeconds(1))).isEqualTo(new TcpSession.Received(new Frame.Rejected(7)));
                await().atMost(Duration.ofSeconds(10)).until(() -> heard.get() == TcpSession.INBOX + 2);
            }
        }
    }

    /** Accepts every connection and holds it open, never reading from it or writing to it. */
    private static List<Socket> holdEveryConnection(ServerSocket node) {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    accepted.add(node.accept());
                }
            } catch (IOException e) {
                // the test is over
            }
        });
        return accepted;
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
