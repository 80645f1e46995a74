package dev.blockmine.node.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.blockmine.node.NodeApplication;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/** The whole node on node.store=postgres: the schema made at start, the database in health, the chain kept. */
class PostgresNodeTest {

    private static final ProofRule RULE = new ProofRule(3);
    private final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext node(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--node.tcp.port=-1", "--node.difficulty=3"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, String path, String postedJson) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path));
        if (postedJson != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(postedJson));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theChainLivesInTheDatabaseAndHealthReportsIt() throws Exception {
        String[] database = TestPostgres.nodeProperties();
        String forged;
        try (ConfigurableApplicationContext node = node(database)) {
            String last = CanonicalJson.encode(CanonicalJson.parse(
                    send(node, "/last_block", null).body()).get("last_block"));
            BigInteger proof = Proofs.firstValid(last, RULE, 0);
            HttpResponse<String> mined = send(node, "/mine", "{\"proof\": " + proof + ", \"id\": \"ana\"}");
            assertThat(mined.statusCode()).isEqualTo(200);
            forged = node.getBean(Chain.class).tip().blockString();

            HttpResponse<String> health = send(node, "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(CanonicalJson.parse(health.body()).at("/components/db/status").stringValue()).isEqualTo("UP");
        }
        try (ConfigurableApplicationContext restarted = node(database)) {
            assertThat(restarted.getBean(Chain.class).blocks()).hasSize(2);
            assertThat(restarted.getBean(Chain.class).tip().blockString()).isEqualTo(forged);
        }
    }

    @Test
    void theOtherStoresStartWithoutADatabase() {
        try (ConfigurableApplicationContext node = node("node.store=memory")) {
            assertThat(node.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(node.getBean(Chain.class).blocks()).hasSize(1);
        }
    }
}
