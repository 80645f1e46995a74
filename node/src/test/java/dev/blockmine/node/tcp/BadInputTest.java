package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.binary.Frame;

/**
 * Bad input costs one connection at most: the node answers Q (when the peer is still there), closes that
 * connection, keeps serving a miner that was connected all along, and the chain does not change.
 */
class BadInputTest {

    // Long enough that the bystander, asking every 50 ms, is never idle by the node's clock even when 2,000
    // connecting threads and a loaded CI machine delay it (300 ms once closed it mid-test)
    private static final Duration IDLE = Duration.ofMillis(1500);

    private final TcpNode node = new TcpNode(8, IDLE);
    private RawMiner bystander;
    private Thread bystanding;
    private final AtomicInteger bystanderAnswers = new AtomicInteger();
    private final AtomicReference<Throwable> bystanderFailure = new AtomicReference<>();
    private List<SealedBlock> chainBefore;

    /** A well-behaved miner asks for work every 50 ms, all through the test, on its own thread. */
    @BeforeEach
    void aMinerIsBeingServedAllAlong() {
        bystander = node.miner();
        int txn = bystander.ask("bystander").txn();
        chainBefore = node.chain.blocks();
        bystanding = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    assertThat(bystander.ask("bystander").txn()).isEqualTo(txn);
                    bystanderAnswers.incrementAndGet();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                // done
            } catch (Throwable e) {
                bystanderFailure.set(e);
            }
        });
    }

    @AfterEach
    void theBystanderWasServedThroughoutAndTheChainIsUnchanged() throws InterruptedException {
        try {
            int answers = bystanderAnswers.get();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> bystanderAnswers.get() > answers || bystanderFailure.get() != null);
            bystanding.interrupt();
            bystanding.join(5_000);
            assertThat(bystanderFailure.get()).isNull();
            assertThat(bystanderAnswers.get()).isGreaterThan(answers);
            assertThat(node.chain.blocks()).isEqualTo(chainBefore);
        } finally {
            bystander.close();
            node.close();
        }
    }

    @Test
    void anUnknownTypeByteGetsQAndTheConnectionIsClosed() {
        try (RawMiner bad = node.miner()) {
            bad.sendRaw(new byte[] {'X', 1, 2, 3});
            assertThat(bad.read()).isEqualTo(new Frame.Quit());
            assertThat(bad.isClosedByNode()).isTrue();
        }
    }

    @Test
    void anOversizedDataLenGetsQBeforeAnyDataIsRead() {
        try (RawMiner bad = node.miner()) {
            bad.sendRaw(HexFormat.of().parseHex("54" + "0001" + "0001" + "00100000" + "18" + "ffff"));
            assertThat(bad.read()).isEqualTo(new Frame.Quit());
            assertThat(bad.isClosedByNode()).isTrue();
        }
    }

    @Test
    void framesOnlyTheNodeSendsAndAnEmptyNameAreProtocolErrors() {
        for (byte[] bytes : List.of(new byte[] {'A', 0, 1}, new byte[] {'I', 0, 1}, new byte[] {'R', 0, 1},
                new byte[] {'G', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "G          ".getBytes())) {
            try (RawMiner bad = node.miner()) {
                bad.sendRaw(bytes);
                assertThat(bad.read()).as(HexFormat.of().formatHex(bytes)).isEqualTo(new Frame.Quit());
                assertThat(bad.isClosedByNode()).isTrue();
            }
        }
    }

    @Test
    void aTruncatedFrameIsClosedAfterTheIdleTimeout() {
        try (RawMiner bad = node.miner()) {
            bad.sendRaw(new byte[] {'S', 0, 1, 2}); // 4 of 7 bytes, then silence
            assertThat(bad.read()).isEqualTo(new Frame.Quit());
            assertThat(bad.isClosedByNode()).isTrue();
        }
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheIdleTimeout() {
        try (RawMiner silent = node.miner()) {
            assertThat(silent.read()).isEqualTo(new Frame.Quit());
            assertThat(silent.isClosedByNode()).isTrue();
        }
    }

    @Test
    void aClientThatVanishesMidFrameCostsOnlyItsConnection() throws Exception {
        for (byte[] partial : List.of(new byte[] {'G', 'a', 'n'}, new byte[] {'S', 0}, new byte[] {'T', 0, 1, 0, 1})) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()));
                socket.getOutputStream().write(partial);
                socket.getOutputStream().flush();
            }
        }
        awaitConnections(1);
    }

    @Test
    void twoThousandConnectionsOpenedAndDroppedCostNothing() throws Exception {
        Random random = new Random(5);
        byte[] get = "Gdropper\0\0\0".getBytes();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2000; i++) {
                // mostly nothing or a whole G; one in 50 drops mid-frame (each of those logs a line)
                int bytesBeforeDrop = i % 50 == 0 ? 1 + random.nextInt(get.length - 1) : random.nextBoolean() ? 0 : get.length;
                clients.execute(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 10_000);
                        socket.getOutputStream().write(get, 0, bytesBeforeDrop);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        awaitConnections(1);
    }

    /** Waits (bounded) until only {@code count} connections are served: dropped ones were cleaned up. */
    private void awaitConnections(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(node.server.connectionCount()).isEqualTo(count));
    }
}
