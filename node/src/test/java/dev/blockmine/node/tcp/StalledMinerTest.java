package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * A miner that stops reading fills its socket's buffers; a write to it then never completes. A broadcaster stuck on
 * such a write must not keep the I from every holder after it in its share, and a miner's own thread stuck writing
 * T frames must not stay forever: the server's watchdog closes the stalled connection.
 */
class StalledMinerTest {

    private static final int BITS = 8;

    @Test
    void aMinerThatStopsReadingCostsItsOwnConnectionNotTheOthersI() throws Exception {
        try (TcpNode node = stalledAfter(Duration.ofMillis(300));
                StalledHolder stalled = new StalledHolder(node);
                Holders others = aJobWonAmong(node, 10, stalled.held)) {
            for (RawMiner other : others.losers()) {
                assertThat(other.read()).isEqualTo(new Frame.Invalidated(stalled.held.txn())); // read timeout 10 s
            }
            assertThat(stalled.served.isClosed()).isTrue();
            stalled.filler.join(5_000);
            assertThat(stalled.filler.isAlive()).as("closing the connection ended the stuck write").isFalse();

            // the node goes on: the next job is served to a fresh miner
            try (RawMiner fresh = node.miner()) {
                assertThat(fresh.ask("fresh").txn()).isEqualTo(stalled.held.txn() + 1);
            }
        }
    }

    @Test
    void aGIsAnsweredEvenWhileABroadcastIsStuck() throws Exception {
        // no watchdog to speak of: the broadcast stays stuck on the stalled holder for the whole test
        try (TcpNode node = stalledAfter(Duration.ofHours(1));
                StalledHolder stalled = new StalledHolder(node);
                Holders others = aJobWonAmong(node, 10, stalled.held)) {
            // a G waits for the broadcast in flight, but only for a moment: it is answered with the next job
            assertThat(others.winner().ask("winner").txn()).isEqualTo(stalled.held.txn() + 1);
            assertThat(stalled.filler.isAlive()).as("the broadcast is still stuck").isTrue();
        }
    }

    @Test
    void aMinerWhoseIIsHeldUpStillGetsItBeforeTheNextJobsT() throws Exception {
        try (TcpNode node = stalledAfter(Duration.ofHours(1));
                StalledHolder stalled = new StalledHolder(node);
                // right after the stalled holder, so in the same broadcaster's share whatever the number of cores
                RawMiner behind = holder(node, "behind", stalled.held);
                Holders others = aJobWonAmong(node, 63, stalled.held)) {
            // its I is stuck behind the stalled holder; it asks anyway (its slot ran out, say), and after the
            // broadcast's head start the node answers: the I for the job it held must come first
            behind.send(new Frame.Get("behind"));
            assertThat(behind.read()).isEqualTo(new Frame.Invalidated(stalled.held.txn()));
            assertThat(((Frame.Task) behind.read()).txn()).isEqualTo(stalled.held.txn() + 1);
        }
    }

    @Test
    void aMinerHoldingManyJobsOnOneTipHearsEachIOnce() throws Exception {
        try (TcpNode node = stalledAfter(Duration.ofMillis(1500));
                StalledHolder stalled = new StalledHolder(node);
                RawMiner many = holder(node, "many", stalled.held)) {
            Frame.Task last = null;
            for (int i = 0; i < 20; i++) { // a transaction before each G: 21 open jobs on one tip, all held by it
                node.chain.addTransaction(new Transaction("a", "b", BigInteger.valueOf(i + 1)));
                last = many.ask("many");
            }
            try (Holders others = aJobWonAmong(node, 63, last)) {
                many.send(new Frame.Get("many")); // answered while its I are held up behind the stalled holder
                // the holders asked after it come after it in the broadcast: once each has its I (the watchdog closed
                // the stalled one), the broadcast has written all it will write to this miner
                for (RawMiner other : others.losers()) {
                    assertThat(other.read()).isEqualTo(new Frame.Invalidated(last.txn()));
                }
                List<Frame> heard = many.readUntilQuiet(1_000);
                List<Frame> stops = heard.stream().filter(Frame.Invalidated.class::isInstance).toList();
                assertThat(stops).as("an I for each of the 21 jobs, once").hasSize(21).doesNotHaveDuplicates();
                assertThat(heard).contains(new Frame.Invalidated(last.txn()));
            }
        }
    }

    @Test
    void aQStuckOnAMinerThatStoppedReadingIsClosedToo() throws Exception {
        try (TcpNode node = stalledAfter(Duration.ofMillis(300));
                StalledHolder stalled = new StalledHolder(node)) {
            stalled.client.getOutputStream().write('X'); // a protocol error: the node answers Q into the full buffers
            awaitConnections(node, 0);
            assertThat(node.server.connectionCount()).isZero();
            assertThat(stalled.served.isClosed()).isTrue();
        }
    }

    private static void win(RawMiner winner, Frame.Task held) {
        long nonce = RawMiner.validNonce(held, 0);
        assertThat(winner.send(new Frame.Solution(held.txn(), nonce)).read()).isEqualTo(new Frame.Accepted(held.txn()));
    }

    /** A new miner that asked for, and holds, the job {@code held}. */
    private static RawMiner holder(TcpNode node, String name, Frame.Task held) {
        RawMiner miner = node.miner();
        try {
            assertThat(miner.ask(name).txn()).isEqualTo(held.txn());
        } catch (AssertionError | RuntimeException e) {
            miner.close();
            throw e;
        }
        return miner;
    }

    /** Miners that held one job, closed together; the last one asked won it. */
    private record Holders(List<RawMiner> miners) implements AutoCloseable {

        RawMiner winner() {
            return miners.getLast();
        }

        List<RawMiner> losers() {
            return miners.subList(0, miners.size() - 1);
        }

        @Override
        public void close() {
            miners.forEach(RawMiner::close);
        }
    }

    /**
     * {@code count} miners asking after those already there (so some share the stalled one's broadcaster), all
     * holding the job {@code held}, which the last of them has then won: the node now broadcasts its I.
     */
    private static Holders aJobWonAmong(TcpNode node, int count, Frame.Task held) {
        List<RawMiner> others = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                others.add(holder(node, "m" + i, held));
            }
            win(others.getLast(), held);
        } catch (AssertionError | RuntimeException e) {
            others.forEach(RawMiner::close);
            throw e;
        }
        return new Holders(others);
    }

    /**
     * A miner holding the open job whose connection's node side is in the test's hands: once it holds the job it
     * never reads again, and a filler thread writes junk on the node side until a write blocks for good.
     */
    private static final class StalledHolder implements AutoCloseable {

        final ServerSocket side = new ServerSocket();
        final Socket client = new Socket();
        final Socket served;
        final Frame.Task held;
        final Thread filler;

        StalledHolder(TcpNode node) throws IOException, InterruptedException {
            side.bind(new InetSocketAddress("127.0.0.1", 0));
            client.setReceiveBufferSize(4096);
            client.connect(side.getLocalSocketAddress());
            served = side.accept();
            node.server.serve(served);
            client.getOutputStream().write(FrameCodec.encode(new Frame.Get("stalled")));
            held = (Frame.Task) FrameCodec.read(new DataInputStream(client.getInputStream()), FrameCodec.MAX_DATA_LEN);

            AtomicLong written = new AtomicLong();
            filler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OutputStream raw = served.getOutputStream();
                    byte[] junk = new byte[8192];
                    while (true) {
                        raw.write(junk);
                        written.addAndGet(junk.length);
                    }
                } catch (IOException e) {
                    // the connection was closed: by the watchdog, or at the end of the test
                }
            });
            AtomicLong seen = new AtomicLong(-1); // what the filler had written at the last look, 300 ms before
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                    .until(() -> seen.getAndSet(written.get()) == written.get());
            assertThat(filler.isAlive()).as("a write on the stalled socket blocks").isTrue();
        }

        @Override
        public void close() throws IOException {
            client.close();
            served.close();
            side.close();
        }
    }

    @Test
    void aMinerThatAsksAndNeverReadsIsClosedOnceItsBuffersAreFull() throws Exception {
        try (TcpNode node = stalledAfter(Duration.ofMillis(300));
                Socket greedy = new Socket(); RawMiner bystander = node.miner()) {
            greedy.setReceiveBufferSize(4096);
            greedy.connect(new InetSocketAddress("127.0.0.1", node.port()));
            byte[] asks = new byte[11 * 20_000]; // 20,000 G: about 20 MB of T frames it will never read
            byte[] one = FrameCodec.encode(new Frame.Get("greedy"));
            for (int i = 0; i < 20_000; i++) {
                System.arraycopy(one, 0, asks, i * one.length, one.length);
            }
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    greedy.getOutputStream().write(asks);
                } catch (IOException e) {
                    // closed by the node, as it should be
                }
            });
            awaitConnections(node, 2); // the bystander and the greedy one
            awaitConnections(node, 1);
            assertThat(node.server.connectionCount()).as("only the bystander is still connected").isEqualTo(1);
            assertThat(bystander.ask("bystander").txn()).isEqualTo(1);
        }
    }

    private static void awaitConnections(TcpNode node, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> node.server.connectionCount() == count);
    }

    /** A node whose writes to a miner may hang for {@code stalledWrite} before it closes that connection. */
    private static TcpNode stalledAfter(Duration stalledWrite) {
        return new TcpNode(TcpNode.settings(BITS).idleTimeout(Duration.ofSeconds(60)).stalledWrite(stalledWrite).build());
    }
}
