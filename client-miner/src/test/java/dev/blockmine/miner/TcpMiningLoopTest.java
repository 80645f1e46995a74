package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.blockmine.pow.Interop;
import dev.blockmine.pow.PythonAvailable;
import dev.blockmine.pow.search.DigestNonceSearch;

/**
 * Our TCP miner against the independent Python server ({@code interop/binary_node.py}, asyncio + hashlib):
 * it wins jobs there, and it waits with back-off for a node that is not up yet.
 */
class TcpMiningLoopTest {

    private final Printed printed = new Printed();
    private final PrintStream out = printed.out;
    private Process pythonNode;

    @BeforeAll
    static void python() throws Exception {
        PythonAvailable.assume();
    }

    @AfterEach
    void stopPython() {
        if (pythonNode != null) {
            pythonNode.destroy();
        }
    }

    @Test
    void winsJobsOnThePythonReferenceNode() throws Exception {
        int port = startPythonNode(0, 16);
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            TcpMiningLoop loop = new TcpMiningLoop("127.0.0.1:" + port, search, "javaminer", 2, out);
            MiningSummary summary;
            try {
                summary = CompletableFuture.supplyAsync(loop::run).get(60, TimeUnit.SECONDS);
            } finally {
                loop.stop(); // a failed wait must not leave the miner running
            }
            String said = printed.text();
            assertThat(summary.blocksWon()).as(said).isEqualTo(2);
            assertThat(summary.coins()).isEqualTo(2);
            assertThat(summary.proofsTried()).isPositive();
            assertThat(loop.rejected()).isZero();
            assertThat(said).contains("Connected to 127.0.0.1:" + port + " as \"javaminer\"")
                    .contains("Success: the node answered A for job 1; +1 coin").contains("Coins: 2");
        }
    }

    @Test
    void waitsForANodeThatIsNotUpYetThenMines() throws Exception {
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            Waiting waiting = waitingForANode(search, "late", 1);
            MiningSummary summary;
            try {
                printed.awaitLine("Cannot reach the node at 127.0.0.1:" + waiting.port());
                startPythonNode(waiting.port(), 8);
                summary = waiting.running().get(60, TimeUnit.SECONDS);
            } finally {
                waiting.loop().stop();
            }
            assertThat(summary.blocksWon()).isEqualTo(1);
            assertThat(printed.text()).contains("retrying in 1 s").contains("Coins: 1");
        }
    }

    @Test
    void stopsPromptlyWhileWaitingForANodeThatIsDown() throws Exception {
        try (DigestNonceSearch search = new DigestNonceSearch(1)) {
            Waiting waiting = waitingForANode(search, "ana", 0);
            printed.awaitLine("retrying in 1 s");
            waiting.loop().stop();
            assertThat(waiting.running().get(10, TimeUnit.SECONDS).coins()).isZero();
        }
    }

    @Test
    void aNameOverTenBytesOrABadAddressIsRefusedUpFront() {
        try (DigestNonceSearch search = new DigestNonceSearch(1)) {
            assertThatThrownBy(() -> new TcpMiningLoop("localhost:5001", search, "ñandú-1234", 0, out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 bytes");
            assertThatThrownBy(() -> new TcpMiningLoop("http://localhost:5001", search, "ana", 0, out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
            assertThat(TcpAddress.parse("10.0.0.5")).isEqualTo(new TcpAddress("10.0.0.5", 5001));
            assertThat(TcpAddress.parse("[::1]:6001")).isEqualTo(new TcpAddress("::1", 6001));
        }
    }

    /**
     * Starts binary_node.py on {@code port} (0: a port the OS picks) and returns the port it listens on, from the
     * "listening on PORT" line it prints once its socket is bound.
     */
    private int startPythonNode(int port, int bits) throws Exception {
        pythonNode = new ProcessBuilder(Interop.python(), Interop.script("binary_node.py").toString(),
                "--port", String.valueOf(port), "--bits", String.valueOf(bits)).redirectErrorStream(true).start();
        BufferedReader lines = pythonNode.inputReader(StandardCharsets.UTF_8);
        String first = lines.readLine();
        assertThat(first).as("binary_node.py's first line").isNotNull().startsWith("listening on ");
        Thread.ofVirtual().start(() -> { // the rest (one line per job won) is drained so the pipe never fills
            try {
                lines.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                // the node was stopped
            }
        });
        return Integer.parseInt(first.substring("listening on ".length()).strip());
    }

    /** A loop mining at {@code port}, where nothing listens yet, already running. */
    private record Waiting(int port, TcpMiningLoop loop, CompletableFuture<MiningSummary> running) {
    }

    /** Starts a loop on a port nothing listens on (yet): these tests are about a node that is not there. */
    private Waiting waitingForANode(DigestNonceSearch search, String name, long blocks) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TcpMiningLoop loop = new TcpMiningLoop("127.0.0.1:" + port, search, name, blocks, out);
        return new Waiting(port, loop, CompletableFuture.supplyAsync(loop::run));
    }
}
