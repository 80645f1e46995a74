package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.binary.Frame;

/**
 * Issue #13, attack 7, against a real node with the shipped limits: connections pipelining S non-stop while reading
 * the answers. Bad nonces get their connection cut off and its address refused; valid but stale nonces (which cost a
 * hash each and are no offence) are throttled to the per-connection budget. Throughout, HTTP and new miners are served.
 */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.zero-bits=8"})
class SolutionFloodTest extends SolutionFloodScenario {

    private static final NodeProperties.Tcp.Solutions LIMITS = NodeProperties.Tcp.Solutions.defaults();

    @Test
    void connectionsFloodingBadNoncesAreCutOffAndTheirAddressesRefused() throws Exception {
        List<SolutionFlooder> flooders = flooders("127.0.0.2", "127.0.0.3");
        try {
            for (SolutionFlooder flooder : flooders) {
                flooder.flood(new Frame.Solution(flooder.task().txn(), RawMiner.invalidNonce(flooder.task())));
            }
            Figures figures = probeWhileFlooding(flooders, Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> flooders.stream().allMatch(SolutionFlooder::isCutOff));
            for (SolutionFlooder flooder : flooders) {
                assertThat(flooder.wasToldQ()).isTrue();
                assertThat(flooder.answered()).as("R until the penalty").isGreaterThanOrEqualTo(LIMITS.penaltyAfter())
                        .isLessThanOrEqualTo(LIMITS.burst() + LIMITS.penaltyAfter());
                assertThat(flooder.lastAnswer()).isInstanceOf(Frame.Rejected.class);
            }
            System.out.println("Bad-nonce flood: " + figures);
        } finally {
            flooders.forEach(SolutionFlooder::close);
        }
        try (RawMiner again = new RawMiner(tcp.port(), "127.0.0.2")) {
            assertThat(again.read()).as("a refused address gets Q at once").isEqualTo(new Frame.Quit());
            assertThat(again.isClosedByNode()).isTrue();
        }
    }

    @Test
    void connectionsFloodingStaleNoncesAreThrottledToTheirBudget() throws Exception {
        List<SolutionFlooder> flooders = flooders("127.0.0.4", "127.0.0.5");
        try {
            long started = System.nanoTime();
            Frame.Task job = floodWithStaleNonces(flooders);
            Figures figures = probeWhileFlooding(flooders, Duration.ofSeconds(3));
            for (SolutionFlooder flooder : flooders) {
                long answered = flooder.answered();
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(flooder.isCutOff()).as("a valid nonce too late is no offence").isFalse();
                assertThat(flooder.lastAnswer()).isEqualTo(new Frame.Invalidated(job.txn()));
                assertThat(answered).as("S answered in %.1f s, budget %d/s after %d", seconds, LIMITS.perSecond(), LIMITS.burst())
                        .isLessThanOrEqualTo(LIMITS.burst() + (long) Math.ceil(LIMITS.perSecond() * seconds) + 1);
            }
            System.out.println("Stale-nonce flood, throttled: " + figures);
        } finally {
            flooders.forEach(SolutionFlooder::close);
        }
    }
}
