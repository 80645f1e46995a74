package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/** Replicas whose database goes away: 503 with a message (never a wrong 200), health DOWN, and back by themselves. */
class DatabaseLossTest {

    private static final ProofRule RULE = new ProofRule(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> health(Replicas replicas, int replica) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(replicas.url(replica) + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> mine(Replicas replicas, int replica, BigInteger proof) throws Exception {
        return replicas.post(replica, "/mine", "{\"proof\": " + proof + ", \"id\": \"m\"}");
    }

    @Test
    void withoutTheDatabaseAReplicaAnswers503AndIsDownUntilTheDatabaseIsBack() throws Exception {
        try (TestPostgres.OwnServer database = TestPostgres.ownServer();
                Replicas replicas = new Replicas(database.url(), 2, "node.difficulty=3", "node.ledger=open",
                        TestPostgres.PROMPT_REFUSAL)) {
            assertThat(health(replicas, 0).statusCode()).isEqualTo(200);

            database.stop();

            SealedBlock tip = replicas.chain(0).tip();
            HttpResponse<String> mined = mine(replicas, 0, Proofs.firstValid(tip.blockString(), RULE, 0));
            assertThat(mined.statusCode()).as(mined.body()).isEqualTo(503);
            assertThat(CanonicalJson.parse(mined.body()).get("message").stringValue()).contains("database");
            HttpResponse<String> queued = replicas.post(0, "/transactions/new",
                    "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}");
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(503);
            HttpResponse<String> down = health(replicas, 0);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(CanonicalJson.parse(down.body()).get("components").get("db").get("status").stringValue()).isEqualTo("DOWN");
            assertThat(replicas.chain(0).tip()).as("nothing appended").isEqualTo(tip);

            database.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> health(replicas, 0).statusCode() == 200);
            mined = mine(replicas, 0, Proofs.firstValid(tip.blockString(), RULE, 0));
            assertThat(mined.statusCode()).as(mined.body()).isEqualTo(200);
            Replicas.awaitInMemory(Duration.ofSeconds(30)).alias("the other replica's follower reconnected")
                    .until(() -> replicas.chain(1).tip().equals(replicas.chain(0).tip()));
            assertThat(replicas.chain(1).tip().index()).isEqualTo(tip.index() + 1);
        }
    }
}
