package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
        try (Replicas survivor = new Replicas(database, 1, "node.difficulty=3")) {
            NodeProcess doomed = new NodeProcess(logs.resolve("replica.log"), Duration.ofMinutes(3), "--node.tcp.port=-1",
                    "--node.store=postgres", "--spring.datasource.url=" + database, "--node.difficulty=3");
            Map<Long, BigInteger> acknowledged = doomed.mineThenKill(RULE, 10, Duration.ofMinutes(2));
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
