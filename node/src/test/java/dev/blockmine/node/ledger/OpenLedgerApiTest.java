package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** {@code node.ledger=open}: the course's behaviour, any transfer accepted and mined; balances may go negative. */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=open"})
class OpenLedgerApiTest extends NodeOverMockMvc {

    @Test
    void anyTransferIsAcceptedAndMined() throws Exception {
        for (String amount : new String[] {"1000000000", "9007199254740992", "0"}) {
            assertThat(mvc.perform(post("/transactions/new").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"sender\": \"alice\", \"recipient\": \"bob\", \"amount\": " + amount + "}")).andReturn()
                    .getResponse().getStatus()).isEqualTo(201);
        }
        String proof = Proofs.firstValid(chain.tip().blockString(), new ProofRule(3), 0).toString();
        assertThat(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON)
                .content("{\"proof\": " + proof + ", \"id\": \"m\"}")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(chain.tip().block().transactions()).hasSize(4);
        JsonNode alice = CanonicalJson.parse(mvc.perform(get("/balance").param("id", "alice")).andReturn().getResponse()
                .getContentAsString());
        assertThat(alice.get("balance").bigIntegerValue().signum()).isNegative();
    }
}
