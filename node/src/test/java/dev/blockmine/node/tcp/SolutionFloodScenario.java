package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.ServedInTime;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.binary.Frame;

/**
 * What a real node must keep doing while connections flood it with S frames: answer {@code GET /last_block}, hand a
 * new miner its T and accept its valid nonce (its A), each in time ({@link ServedInTime#BOUND}).
 */
abstract class SolutionFloodScenario extends NodeOnRandomPort {

    static final ProofRule HTTP_RULE = new ProofRule(2); // the node's rule (node.difficulty=2)
    static final int ZERO_BITS = 8;

    @Autowired
    TcpMiningServer tcp;

    private final HttpClient http = HttpClient.newHttpClient();

    /** What one flood came to, for the test's output. */
    record Figures(long sent, long answered, int lastBlockRequests, Duration slowestLastBlock, Duration newcomerServed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d S sent, %,d answered; %d GET /last_block, slowest %.1f ms; "
                    + "newcomer's T, S and A in %.1f ms", sent, answered, lastBlockRequests, slowestLastBlock.toNanos() / 1e6,
                    newcomerServed.toNanos() / 1e6);
        }
    }

    /** Flooders on the open job (one per loopback address), all holding the same one. */
    List<SolutionFlooder> flooders(String... addresses) {
        List<SolutionFlooder> flooders = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            flooders.add(new SolutionFlooder(addresses[i], tcp.port(), "flood-" + i));
        }
        return flooders;
    }

    /**
     * An honest miner wins the job the flooders hold, and they start sending its winning nonce over and over: valid,
     * hashed every time, and stale. Returns that job.
     */
    Frame.Task floodWithStaleNonces(List<SolutionFlooder> flooders) {
        Frame.Task job = flooders.getFirst().task();
        long nonce = winWhileHeld(job, flooders);
        flooders.forEach(flooder -> flooder.flood(new Frame.Solution(job.txn(), nonce)));
        return job;
    }

    /** An honest miner wins {@code job}; every flooder holding it hears I. Returns the winning nonce. */
    private long winWhileHeld(Frame.Task job, List<SolutionFlooder> holders) {
        try (RawMiner winner = new RawMiner(tcp.port())) {
            Frame.Task task = winner.ask("winner");
            assertThat(task.txn()).isEqualTo(job.txn());
            long nonce = RawMiner.validNonce(task, 0);
            assertThat(winner.send(new Frame.Solution(task.txn(), nonce)).read()).isEqualTo(new Frame.Accepted(task.txn()));
            for (SolutionFlooder holder : holders) {
                assertThat(holder.read()).isEqualTo(new Frame.Invalidated(job.txn()));
            }
            return nonce;
        }
    }

    /**
     * While the flooders run, for {@code window}: GET /last_block back to back, each answered in time; then a
     * new miner is served. Fails when either bound is broken.
     */
    Figures probeWhileFlooding(List<SolutionFlooder> flooders, Duration window) throws Exception {
        long end = System.nanoTime() + window.toNanos();
        int requests = 0;
        long slowest = 0;
        do {
            slowest = Math.max(slowest, lastBlock());
            requests++;
        } while (System.nanoTime() < end);
        long started = System.nanoTime();
        try (RawMiner newcomer = new RawMiner(tcp.port())) {
            newcomer.setReadTimeout((int) ServedInTime.BOUND.toMillis());
            Frame.Task task = newcomer.ask("newcomer");
            long nonce = RawMiner.validNonce(task, 0);
            assertThat(newcomer.send(new Frame.Solution(task.txn(), nonce)).read())
                    .as("the newcomer's valid nonce wins").isEqualTo(new Frame.Accepted(task.txn()));
        }
        Duration newcomer = Duration.ofNanos(System.nanoTime() - started);
        ChainAssertions.assertValid(chain, HTTP_RULE, ZERO_BITS);
        return new Figures(flooders.stream().mapToLong(SolutionFlooder::sent).sum(),
                flooders.stream().mapToLong(SolutionFlooder::answered).sum(), requests, Duration.ofNanos(slowest), newcomer);
    }

    /** One GET /last_block; its time in nanoseconds. */
    private long lastBlock() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/last_block"))
                .timeout(ServedInTime.BOUND).build();
        long started = System.nanoTime();
        try {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } catch (HttpTimeoutException e) {
            throw new AssertionError("GET /last_block took more than " + ServedInTime.BOUND + " during the flood", e);
        }
        return System.nanoTime() - started;
    }
}
