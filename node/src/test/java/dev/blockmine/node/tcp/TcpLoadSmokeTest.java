package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.blockmine.loadtest.tcp.TcpLoad;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeProperties;
import dev.blockmine.pow.ProofRule;
import picocli.CommandLine;

/**
 * The load tool, small: every connection is held, S frames are answered, every holder gets each round's I, from the
 * node and from the bare fan-out server the tool measures as the machine's floor.
 */
class TcpLoadSmokeTest {

    @Test
    void theLoadToolReportsItsMeasurementsAndTheFloor() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // the flooders send random nonces as fast as they can: without the node's S limits, as scripts/tcp-load.sh runs it
        try (TcpNode node = new TcpNode(TcpNode.settings(10).idleTimeout(Duration.ofSeconds(30))
                .solutions(NodeProperties.Tcp.Solutions.unlimited()).build())) {
            int code = new CommandLine(new TcpLoad(new PrintStream(output, true, StandardCharsets.UTF_8))).execute(
                    "127.0.0.1:" + node.port(), "-n", "60", "--flooders", "4", "--seconds", "1", "--rounds", "3");
            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(code).as(printed).isZero();
            assertThat(printed).contains("connections held: 60 of 60")
                    .containsPattern("phase 2: 4 flooders x 128 in flight for 1 s: [0-9,]+ S answered")
                    .contains("phase 3 warm-up: 3 rounds, 177 I received")
                    .contains("phase 3: 3 rounds, 177 I received by 59 holders")
                    .contains("phase 4 (floor: a bare NIO fan-out server, same machine): 3 rounds, 177 I received by 59 holders")
                    .containsPattern("\\| node \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|")
                    .containsPattern("node / floor: p50 [0-9.]+x, p99 [0-9.]+x")
                    .doesNotContain("warning").doesNotContain("only");
            ChainAssertions.assertValid(node.chain, ProofRule.COURSE, 10);
        }
    }
}
