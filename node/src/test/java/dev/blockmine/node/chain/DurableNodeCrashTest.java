package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

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
        Map<Long, BigInteger> acknowledged = new ConcurrentHashMap<>();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        NodeProcess node = start(log, dataDir);
        AtomicBoolean mining = new AtomicBoolean(true);
        try (ExecutorService miners = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < 4; m++) {
                String id = "miner-" + m;
                miners.submit(() -> node.mineUntilStopped(id, RULE, mining, acknowledged));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> acknowledged.size() >= 25);
            } finally {
                node.kill(); // SIGKILL, while the miners are still posting
                mining.set(false);
            }
        }
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
        return new NodeProcess(log, Duration.ofSeconds(60), "--node.tcp.port=-1", "--node.store=durable", "--node.data-dir=" + dataDir,
                "--node.difficulty=3");
    }
}
