package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeProcess;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * The node as its own process with the durable store, killed with SIGKILL in the middle of mining:
 * every block a miner was told it won is there after the restart, and the chain validates.
 */
class DurableNodeCrashTest {

    private static final ProofRule RULE = new ProofRule(3);

    @Test
    void everyAcknowledgedBlockSurvivesKillMinus9(@TempDir Path dataDir) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Map<Long, BigInteger> acknowledged = start(log, dataDir).mineThenKill(RULE, 25, Duration.ofSeconds(60));
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(25);

        try (NodeProcess restarted = start(log, dataDir)) {
            JsonNode served = CanonicalJson.parse(restarted.get("/chain"));
            List<JsonNode> chain = List.copyOf(served.get("chain").values());
            for (Map.Entry<Long, BigInteger> won : acknowledged.entrySet()) {
                JsonNode block = chain.get((int) (won.getKey() - 1));
                assertThat(block.get("proof").bigIntegerValue()).as("block %d", won.getKey()).isEqualTo(won.getValue());
            }
            ChainAssertions.assertValid(served, RULE);
        }
    }

    private static NodeProcess start(Path log, Path dataDir) throws Exception {
        return new NodeProcess(log, Duration.ofSeconds(60), "--node.tcp.port=-1", "--node.store=durable",
                "--node.data-dir=" + dataDir, "--node.difficulty=3");
    }
}
