package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The last line of defence alone: no per-connection budget, no penalty, two connections pipelining valid (stale) S
 * non-stop as fast as the node answers. Without a bound on the S hashed at once, their two virtual threads never
 * block and keep both carrier threads of a 2-core machine: {@code /last_block} stalled for seconds and a new miner
 * waited more than 5 s for its T. With fewer hashing permits than cores, both are served.
 */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.zero-bits=8",
        "node.tcp.solutions.per-second=0", "node.tcp.solutions.penalty-after=0"})
class UnthrottledSolutionFloodTest extends SolutionFloodScenario {

    @Test
    void floodersWithoutABudgetCannotStarveTheNode() throws Exception {
        List<SolutionFlooder> flooders = flooders("127.0.0.6", "127.0.0.7");
        try {
            floodWithStaleNonces(flooders);
            Figures figures = probeWhileFlooding(flooders, Duration.ofSeconds(3));
            for (SolutionFlooder flooder : flooders) {
                assertThat(flooder.isCutOff()).isFalse();
                assertThat(flooder.answered()).as("the flood was answered").isPositive();
            }
            System.out.println("Stale-nonce flood, no budget: " + figures);
        } finally {
            flooders.forEach(SolutionFlooder::close);
        }
    }
}
