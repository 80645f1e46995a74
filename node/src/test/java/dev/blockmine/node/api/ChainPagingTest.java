package dev.blockmine.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import dev.blockmine.node.Forging;
import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** Pages of the chain and single blocks: exactly the chain's block strings, bounded, and clear about bad requests. */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.port=-1"})
@DirtiesContext
class ChainPagingTest extends NodeOverMockMvc {

    private MvcResult call(String uri) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result.getAsyncResult();
        }
        return result;
    }

    private JsonNode json(String uri, int status) throws Exception {
        MvcResult result = call(uri);
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
        return CanonicalJson.parse(result.getResponse().getContentAsString());
    }

    @Test
    void pagesAndBlocksAreTheChainsOwnBlockStrings() throws Exception {
        while (chain.tip().index() < 30) {
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), new ProofRule(2), 0);
            Forging.forge(chain, proof, "m");
        }
        String whole = call("/chain").getResponse().getContentAsString();
        assertThat(whole).startsWith("{\"chain\": [" + chain.blocks().getFirst().blockString() + ", ")
                .endsWith(chain.tip().blockString() + "], \"length\": 30}");

        JsonNode page = json("/chain?from=5&limit=10", 200);
        assertThat(page.get("from").intValue()).isEqualTo(5);
        assertThat(page.get("length").intValue()).isEqualTo(30);
        assertThat(page.get("chain").size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(CanonicalJson.encode(page.get("chain").get(i))).isEqualTo(chain.blocks().at(5 + i).blockString());
        }
        assertThat(json("/chain?from=25", 200).get("chain").size()).isEqualTo(6);
        assertThat(json("/chain?from=31", 200).get("chain").isEmpty()).isTrue();
        assertThat(json("/chain?limit=2", 200).get("from").intValue()).isEqualTo(1);

        SealedBlock seventh = chain.blocks().at(7);
        for (String id : new String[] {"7", seventh.hash()}) {
            JsonNode block = json("/blocks/" + id, 200);
            assertThat(CanonicalJson.encode(block.get("block"))).isEqualTo(seventh.blockString());
            assertThat(block.get("hash").stringValue()).isEqualTo(seventh.hash());
            assertThat(block.get("index").intValue()).isEqualTo(7);
        }
    }

    @Test
    void badRequestsAreRefusedSayingWhy() throws Exception {
        assertThat(json("/chain?from=0", 400).get("message").stringValue()).contains("from must be an integer from 1");
        assertThat(json("/chain?from=1&limit=1001", 400).get("message").stringValue()).contains("limit", "1000");
        assertThat(json("/chain?from=x", 400).get("message").stringValue()).contains("\"x\"");
        assertThat(json("/blocks/99", 404).get("message").stringValue()).contains("No block 99");
        assertThat(json("/blocks/" + "ab".repeat(32), 404).get("message").stringValue()).contains("No block");
        assertThat(json("/blocks/latest", 400).get("message").stringValue()).contains("index", "hash");
    }
}
