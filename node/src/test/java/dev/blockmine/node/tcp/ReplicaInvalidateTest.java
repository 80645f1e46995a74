package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.store.postgres.Replicas;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.binary.Frame;

/** A TCP miner holding a job on replica B is told I when a block is forged through replica A. */
class ReplicaInvalidateTest {

    private static final ProofRule RULE = new ProofRule(3);

    @Test
    void aMinerOnReplicaBHearsOfABlockForgedOnReplicaA() throws Exception {
        try (Replicas replicas = new Replicas(2, "node.difficulty=3");
                RawMiner miner = new RawMiner(replicas.tcpPort(1))) {
            replicas.commonTip();
            Frame.Task task = miner.ask("on-b");

            String last = CanonicalJson.encode(replicas.get(0, "/last_block").get("last_block"));
            BigInteger proof = Proofs.firstValid(last, RULE, 0);
            assertThat(replicas.post(0, "/mine", "{\"proof\": " + proof + ", \"id\": \"on-a\"}").statusCode()).isEqualTo(200);

            assertThat(miner.read()).isEqualTo(new Frame.Invalidated(task.txn()));
            assertThat(replicas.chain(1).tip().block().transactions().getLast().recipient()).isEqualTo("on-a");
        }
    }
}
