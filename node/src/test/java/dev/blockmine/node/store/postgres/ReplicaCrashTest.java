package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeProcess;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.ProofRule;

/**
 * A replica as its own process, killed with SIGKILL while miners post to it: every block it told a miner was
 * forged is on the replica that stays, and the chain validates.
 */
class ReplicaCrashTest {

    private static final ProofRule RULE = new ProofRule(3);

    @Test
    void everyBlockAKilledReplicaAcknowledgedIsOnTheOthers(@TempDir Path logs) throws Exception {
        String database = TestPostgres.newDatabase();
        Map<Long, BigInteger> acknowledged = new ConcurrentHashMap<>();
        try (Replicas survivor = new Replicas(database, 1, "node.difficulty=3")) {
            try (NodeProcess doomed = new NodeProcess(logs.resolve("replica.log"), Duration.ofMinutes(3), "--node.tcp.port=-1",
                    "--node.store=postgres", "--spring.datasource.url=" + database, "--node.difficulty=3")) {
                AtomicBoolean mining = new AtomicBoolean(true);
                try (ExecutorService miners = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int m = 0; m < 4; m++) {
                        String id = "miner-" + m;
                        miners.submit(() -> doomed.mineUntilStopped(id, RULE, mining, acknowledged));
                    }
                    try {
                        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 10);
                    } finally {
                        doomed.kill(); // SIGKILL while the miners are still posting
                        mining.set(false);
                    }
                }
            }
            long highest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> survivor.chain(0).tip().index() >= highest);
            for (Map.Entry<Long, BigInteger> won : acknowledged.entrySet()) {
                SealedBlock block = survivor.chain(0).block(won.getKey()).orElseThrow();
                assertThat(block.block().proof()).as("block %d", won.getKey()).isEqualTo(won.getValue());
            }
            ChainAssertions.assertValid(survivor.get(0, "/chain"), RULE);
        }
    }
}
