package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * A replica that has not heard of the newest block yet (its follower stopped: the moment a notification takes,
 * made as long as the test needs) judges what it is sent on the stored chain, not on its own stale tip.
 */
class LaggingReplicaTest {

    private static final ProofRule RULE = new ProofRule(3);
    private Replicas replicas;

    @BeforeEach
    void start() {
        replicas = new Replicas(2, "node.difficulty=3", "node.ledger=open");
        replicas.bean(1, ReplicaFollower.class).stop();
    }

    @AfterEach
    void stop() {
        if (replicas != null) { // null when there is no PostgreSQL and the test was skipped
            replicas.close();
        }
    }

    /** Forges the next block through replica 0, which replica 1 does not hear of. */
    private SealedBlock forgeOnTheOther() throws Exception {
        SealedBlock tip = replicas.chain(0).tip();
        HttpResponse<String> mined = replicas.post(0, "/mine",
                "{\"proof\": " + Proofs.firstValid(tip.blockString(), RULE, 0) + ", \"id\": \"a\"}");
        assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
        assertThat(replicas.chain(1).tip()).as("replica 1 is behind").isEqualTo(tip);
        return replicas.chain(0).tip();
    }

    @Test
    void aValidProofForTheNewTipIsAcceptedByAReplicaThatIsBehind() throws Exception {
        SealedBlock newTip = forgeOnTheOther();
        BigInteger proof = Proofs.firstValid(newTip.blockString(), RULE, 0);

        HttpResponse<String> mined = replicas.post(1, "/mine", "{\"proof\": " + proof + ", \"id\": \"b\"}");

        assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
        assertThat(CanonicalJson.parse(mined.body()).get("index").longValue()).isEqualTo(newTip.index() + 1);
        assertThat(replicas.chain(1).tip().block().previousHash()).isEqualTo(newTip.hash());
    }

    @Test
    void aTransactionPostedToAReplicaThatIsBehindWaitsForTheBlockAfterTheStoredTip() throws Exception {
        SealedBlock newTip = forgeOnTheOther();

        HttpResponse<String> queued = replicas.post(1, "/transactions/new",
                "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}");

        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        assertThat(queued.body()).contains("Block " + (newTip.index() + 1));
        assertThat(replicas.chain(1).tip()).isEqualTo(newTip);
    }

    @Test
    void aChainLongerThanTheReplicasButShorterThanTheStoredOneCutsOffNoStoredBlock() throws Exception {
        for (String miner : List.of("a", "b")) {
            SealedBlock tip = replicas.chain(0).tip();
            HttpResponse<String> mined = replicas.post(0, "/mine",
                    "{\"proof\": " + Proofs.firstValid(tip.blockString(), RULE, 0) + ", \"id\": \"" + miner + "\"}");
            assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
        }
        List<SealedBlock> stored = replicas.bean(0, BlockStore.class).load();
        assertThat(stored).hasSize(3);
        assertThat(replicas.chain(1).blocks()).as("replica 1 is behind").hasSize(1);

        // a peer's chain of 2 blocks: longer than replica 1 knows, shorter than the blocks answered 200
        boolean replaced = replicas.chain(1).replaceIfLonger(stored.subList(0, 2), Optional.of("peer"));

        assertThat(replaced).isFalse();
        assertThat(replicas.bean(1, BlockStore.class).load()).as("every block answered 200 stays").isEqualTo(stored);
        assertThat(replicas.chain(1).tip()).as("the refused replica caught up instead").isEqualTo(stored.getLast());
    }
}
