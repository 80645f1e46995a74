package dev.blockmine.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** Health, Prometheus metrics that follow what miners do, and the dashboard's snapshot. */
@TestPropertySource(properties = "node.difficulty=3")
class MetricsTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(3);

    @Test
    void countsEveryOutcomeAndServesTheDashboardSnapshot() throws Exception {
        String genesis = chain.tip().blockString();
        BigInteger valid = Proofs.firstValid(genesis, RULE, 0);
        BigInteger rival = Proofs.firstValid(genesis, RULE, valid.longValue() + 1);
        mine("{\"proof\": " + valid + ", \"id\": \"ana\"}", 200);
        mine("{\"proof\": " + valid + ", \"id\": \"ana\"}", 409);   // the same proof again: duplicate
        mine("{\"proof\": " + rival + ", \"id\": \"bob\"}", 409);   // another valid proof for the old block: stale
        mine("{\"proof\": " + Proofs.firstInvalid(chain.tip().blockString(), RULE, 0) + ", \"id\": \"bob\"}", 400);
        mine("{\"proof\": \"x\", \"id\": \"bob\"}", 400);

        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("\"UP\"");
        // blocks are counted in the background: the miner's answer does not wait for metrics
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("blockmine_blocks_forged_total\\{[^}]*protocol=\"http\"[^}]*\\} 1\\.0"));
        String metrics = prometheus();
        assertThat(metrics)
                .containsPattern("blockmine_submissions_total\\{[^}]*outcome=\"accepted\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_submissions_total\\{[^}]*outcome=\"duplicate\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_submissions_total\\{[^}]*outcome=\"stale\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_submissions_total\\{[^}]*outcome=\"invalid\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_submissions_total\\{[^}]*outcome=\"bad_request\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_blocks_forged_total\\{[^}]*protocol=\"http\"[^}]*\\} 1\\.0")
                .containsPattern("blockmine_chain_height(\\{[^}]*\\})? 2\\.0")
                .containsPattern("blockmine_difficulty_hex_zeros(\\{[^}]*\\})? 3\\.0")
                .contains("blockmine_network_hashrate").contains("blockmine_miners_active").contains("blockmine_block_interval")
                .containsPattern("blockmine_tcp_miners(\\{[^}]*\\})? 0\\.0")
                .containsPattern("blockmine_tcp_zero_bits(\\{[^}]*\\})? 24\\.0");

        JsonNode snapshot = CanonicalJson.parse(mvc.perform(get("/dashboard/snapshot")).andReturn().getResponse().getContentAsString());
        assertThat(snapshot.get("height").intValue()).isEqualTo(2);
        assertThat(snapshot.get("difficulty").intValue()).isEqualTo(3);
        assertThat(snapshot.get("ledger").get("mode").stringValue()).isEqualTo("balances");
        assertThat(snapshot.get("blocks").get(0).get("miner").stringValue()).isEqualTo("ana");
        assertThat(snapshot.get("blocks").get(0).get("proof").stringValue()).isEqualTo(valid.toString());
        assertThat(snapshot.get("winners").get(0).get("coins").intValue()).isEqualTo(1);
        assertThat(snapshot.get("intervals").size()).isEqualTo(1);
        assertThat(snapshot.get("miners").intValue()).isEqualTo(1);
        assertThat(snapshot.get("hashrate").doubleValue()).isPositive();
        assertThat(snapshot.get("tcp_zero_bits").intValue()).isEqualTo(24);
        assertThat(snapshot.get("tcp_miners").intValue()).isZero();
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    }

    private void mine(String body, int status) throws Exception {
        assertThat(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse().getStatus()).isEqualTo(status);
    }
}
