package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

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
        try (TcpNode node = new TcpNode(BITS, Duration.ofSeconds(60), 0, false, Duration.ofMillis(300));
                ServerSocket side = new ServerSocket()) {
            // the stalled miner's connection, served by the board like any other, but with its node side in our hands
            side.bind(new InetSocketAddress("127.0.0.1", 0));
            Socket client = new Socket();
            client.setReceiveBufferSize(4096);
            client.connect(side.getLocalSocketAddress());
            Socket served = side.accept();
            node.server.serve(served);
            client.getOutputStream().write(FrameCodec.encode(new Frame.Get("stalled")));
            Frame.Task held = (Frame.Task) FrameCodec.read(new DataInputStream(client.getInputStream()), FrameCodec.MAX_DATA_LEN);

            // ten more holders after it (so some share its broadcaster), the last one wins
            List<RawMiner> others = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RawMiner miner = node.miner();
                assertThat(miner.ask("m" + i).txn()).isEqualTo(held.txn());
                others.add(miner);
            }

            // the stalled miner never reads again: fill its buffers until a write on its socket blocks for good
            AtomicLong written = new AtomicLong();
            Thread filler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OutputStream raw = served.getOutputStream();
                    byte[] junk = new byte[8192];
                    while (true) {
                        raw.write(junk);
                        written.addAndGet(junk.length);
                    }
                } catch (IOException e) {
                    // closed by the watchdog: that is the point
                }
            });
            long before;
            do {
                before = written.get();
                Thread.sleep(300);
            } while (written.get() != before);
            assertThat(filler.isAlive()).as("a write on the stalled socket blocks").isTrue();

            RawMiner winner = others.getLast();
            long nonce = RawMiner.validNonce(held, 0);
            assertThat(winner.send(new Frame.Solution(held.txn(), nonce)).read()).isEqualTo(new Frame.Accepted(held.txn()));
            for (RawMiner other : others.subList(0, others.size() - 1)) {
                assertThat(other.read()).isEqualTo(new Frame.Invalidated(held.txn())); // read timeout 10 s
            }
            assertThat(served.isClosed()).isTrue();
            filler.join(5_000);
            assertThat(filler.isAlive()).as("closing the connection ended the stuck write").isFalse();

            // the node goes on: the next job is served to a fresh miner
            try (RawMiner fresh = node.miner()) {
                assertThat(fresh.ask("fresh").txn()).isEqualTo(held.txn() + 1);
            }
            others.forEach(RawMiner::close);
            client.close();
        }
    }

    @Test
    void aMinerThatAsksAndNeverReadsIsClosedOnceItsBuffersAreFull() throws Exception {
        try (TcpNode node = new TcpNode(BITS, Duration.ofSeconds(60), 0, false, Duration.ofMillis(300));
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

    private static void awaitConnections(TcpNode node, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (node.server.connectionCount() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
