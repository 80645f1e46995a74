package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** Three replicas share one pending pool: what is posted to one is mined through another, and judged by all. */
class SharedPendingPoolTest {

    private static final ProofRule RULE = new ProofRule(3);
    private static Replicas replicas;

    @BeforeAll
    static void start() {
        replicas = new Replicas(3, "node.difficulty=3", "node.max-pending-per-sender=3");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    /** Forges the next block through {@code replica} for {@code id}; the answer's body. */
    private static JsonNode mine(int replica, String id) throws Exception {
        SealedBlock tip = replicas.commonTip();
        BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, 0);
        HttpResponse<String> mined = replicas.post(replica, "/mine", "{\"proof\": " + proof + ", \"id\": \"" + id + "\"}");
        assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
        return CanonicalJson.parse(mined.body());
    }

    private static HttpResponse<String> send(int replica, String sender, String amount) throws Exception {
        return replicas.post(replica, "/transactions/new",
                "{\"sender\": \"" + sender + "\", \"recipient\": \"bob\", \"amount\": " + amount + "}");
    }

    @Test
    void aTransactionPostedToOneReplicaIsInTheBlockForgedThroughAnother() throws Exception {
        mine(1, "ana");
        HttpResponse<String> queued = send(0, "ana", "0.5");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);

        JsonNode forged = mine(2, "carl");

        assertThat(CanonicalJson.encode(forged.get("transactions").get(0)))
                .isEqualTo("{\"amount\": 0.5, \"recipient\": \"bob\", \"sender\": \"ana\"}");
        replicas.commonTip();
        for (int replica = 0; replica < 3; replica++) {
            assertThat(replicas.chain(replica).pendingCount()).as("taken by the block, on every replica").isZero();
            assertThat(replicas.get(replica, "/balance?id=ana").get("balance").decimalValue()).isEqualByComparingTo("0.5");
        }
    }

    @Test
    void aPendingSpendOnOneReplicaCountsAgainstTheSenderOnTheOthers() throws Exception {
        mine(0, "dora");
        HttpResponse<String> first = send(1, "dora", "0.75");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        HttpResponse<String> second = send(2, "dora", "0.5");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(400);
        assertThat(CanonicalJson.parse(second.body()).get("message").stringValue()).contains("\"dora\" has 0.25 available");
        assertThat(replicas.get(0, "/balance?id=dora").get("available").decimalValue()).isEqualByComparingTo("0.25");
        mine(2, "carl");
    }

    @Test
    void theFairSharePerSenderHoldsAcrossReplicas() throws Exception {
        mine(2, "eve");
        for (int replica = 0; replica < 3; replica++) {
            HttpResponse<String> queued = send(replica, "eve", "0.01");
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        }

        HttpResponse<String> over = send(1, "eve", "0.01");

        assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
        assertThat(CanonicalJson.parse(over.body()).get("message").stringValue()).contains("3 per sender");
        assertThat(mine(0, "carl").get("transactions")).hasSize(4);
    }
}
