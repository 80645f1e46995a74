package dev.blockmine.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import dev.blockmine.node.Forging;
import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.JobData;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** The JSON behind the explorer's pages: exact block strings, proofs as strings, balances as GET /balance has them. */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.port=-1"})
@DirtiesContext
class ExplorerApiTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(2);

    private JsonNode json(String uri, int status) throws Exception {
        MvcResult result = mvc.perform(get(uri)).andReturn();
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
        return CanonicalJson.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void mine(String miner) {
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        assertThat(Forging.forge(chain, proof, miner)).isPresent();
    }

    @Test
    void aBlockSaysWhyItIsValidWithItsProofAsAString() throws Exception {
        mine("explained");
        mine("after");
        SealedBlock block = chain.blocks().at(chain.tip().index() - 1);
        SealedBlock previous = chain.blocks().at(block.index() - 1);
        JsonNode json = json("/blocks/" + block.index() + "/explained", 200);
        assertThat(json.get("block_string").stringValue()).isEqualTo(block.blockString());
        assertThat(json.get("hash").stringValue()).isEqualTo(block.hash()).isEqualTo(ProofRule.sha256Hex(block.blockString()));
        assertThat(json.get("proof").isString()).isTrue();
        assertThat(json.get("proof").stringValue()).isEqualTo(block.block().proof().toString());
        assertThat(json.get("previous_hash").stringValue()).isEqualTo(previous.hash());
        assertThat(json.get("next_hash").stringValue()).isEqualTo(chain.tip().hash());
        assertThat(json.get("miner").stringValue()).isEqualTo("explained");
        assertThat(json.get("protocol").stringValue()).isEqualTo("http");
        assertThat(json.get("size").intValue()).isEqualTo(block.blockString().length());
        JsonNode work = json.get("work");
        assertThat(work.get("rule").stringValue()).isEqualTo("http");
        assertThat(work.get("hex_zeros").intValue()).isEqualTo(2);
        assertThat(work.get("previous_block_string").stringValue()).isEqualTo(previous.blockString());
        assertThat(work.get("digest").stringValue()).isEqualTo(ProofRule.hexDigest(previous.blockString(), block.block().proof()))
                .startsWith("00");
        assertThat(work.get("meets").booleanValue()).isTrue();

        assertThat(json("/blocks/" + block.hash() + "/explained", 200).get("index").longValue()).isEqualTo(block.index());
        assertThat(json("/blocks/" + chain.tip().index() + "/explained", 200).get("next_hash").isNull()).isTrue();
        assertThat(json("/blocks/1/explained", 200).get("work").get("rule").stringValue()).isEqualTo("genesis");
        assertThat(json("/blocks/99999/explained", 404).get("message").stringValue()).contains("No block 99999");
        assertThat(json("/blocks/" + "ab".repeat(32) + "/explained", 404).has("message")).isTrue();
        assertThat(json("/blocks/latest/explained", 400).get("message").stringValue()).contains("index");
    }

    @Test
    void anEighteenDigitProofIsSentAsAString() {
        Chain alone = new Chain(Clock.systemUTC(), 10);
        BigInteger proof = new BigInteger("123456789012345678901");
        Forging.forge(alone, proof, "big");
        JsonNode json = new BlockExplanation(RULE).of(alone.tip(), alone.blocks());
        assertThat(CanonicalJson.encode(json)).contains("\"proof\": \"123456789012345678901\"");
        assertThat(json.get("work").get("meets").booleanValue()).isEqualTo(RULE.isValid(alone.blocks().at(1).blockString(), proof));
    }

    @Test
    void aBinaryBlockShowsItsJobDataAndNonceBytes() {
        Chain alone = new Chain(Clock.systemUTC(), 10);
        alone.addTransaction(new Transaction("ana", "bob", 0.5));
        NextBlock next = alone.nextBlock();
        int bits = 8;
        byte[] data = JobData.of(next.index(), next.tip().hash(), Block.transactionsJson(next.transactions()), bits);
        long nonce = 0;
        while (!new BinaryRule(bits).isValid(data, nonce)) {
            nonce++;
        }
        SealedBlock block = next.forge(BigInteger.valueOf(nonce), "tcp-miner", new ProvenBy.Binary(bits), Clock.systemUTC());
        assertThat(alone.appendOn(next, block, java.util.Optional.empty())).isTrue();
        JsonNode json = new BlockExplanation(RULE).of(block, alone.blocks());
        JsonNode work = json.get("work");
        assertThat(json.get("protocol").stringValue()).isEqualTo("tcp");
        assertThat(work.get("rule").stringValue()).isEqualTo("binary");
        assertThat(work.get("zero_bits").intValue()).isEqualTo(bits);
        assertThat(work.get("job_data").stringValue()).isEqualTo(HexFormat.of().formatHex(data));
        assertThat(work.get("nonce").stringValue()).isEqualTo(Long.toString(nonce));
        assertThat(work.get("nonce_bytes").stringValue()).isEqualTo(HexFormat.of().formatHex(BinaryRule.littleEndian(nonce)));
        assertThat(work.get("digest").stringValue()).isEqualTo(HexFormat.of().formatHex(BinaryRule.digest(data, nonce)))
                .startsWith("00");
        assertThat(work.get("meets").booleanValue()).isTrue();
    }

    @Test
    void anAccountHasTheBalanceOfGetBalanceAndItsHistoryNewestFirst() throws Exception {
        for (int i = 0; i < 4; i++) {
            mine("earner");
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/transactions/new")
                .contentType("application/json").content("{\"sender\": \"earner\", \"recipient\": \"friend\", \"amount\": 1.5}"));
        JsonNode pending = json("/pending", 200);
        assertThat(pending.get("count").intValue()).isEqualTo(1);
        assertThat(pending.get("transactions").get(0).get("recipient").stringValue()).isEqualTo("friend");
        assertThat(json("/accounts?id=earner", 200).get("available").doubleValue()).isEqualTo(2.5);
        mine("other");

        JsonNode earner = json("/accounts?id=earner", 200);
        JsonNode balance = json("/balance?id=earner", 200);
        assertThat(earner.get("balance")).isEqualTo(balance.get("balance"));
        assertThat(earner.get("available")).isEqualTo(balance.get("available"));
        assertThat(earner.get("blocks_won").intValue()).isEqualTo(4);
        assertThat(earner.get("sent").intValue()).isEqualTo(1);
        JsonNode newest = earner.get("history").get(0);
        assertThat(newest.get("kind").stringValue()).isEqualTo("sent");
        assertThat(newest.get("block").longValue()).isEqualTo(chain.tip().index());
        assertThat(newest.get("transaction").get("recipient").stringValue()).isEqualTo("friend");
        assertThat(earner.get("history").get(1).get("kind").stringValue()).isEqualTo("reward");

        JsonNode paged = json("/accounts?id=earner&limit=2&page=2", 200);
        assertThat(paged.get("pages").intValue()).isEqualTo(3);
        assertThat(paged.get("history").size()).isEqualTo(2);
        assertThat(json("/accounts?id=earner&limit=2&page=9", 200).get("history").isEmpty()).isTrue();
        assertThat(json("/accounts?id=friend", 200).get("history").get(0).get("kind").stringValue()).isEqualTo("received");
        assertThat(json("/pending", 200).get("count").intValue()).isZero();

        assertThat(json("/accounts", 400).get("message").stringValue()).contains("id is required");
        assertThat(json("/accounts?id=earner&page=0", 400).get("message").stringValue()).contains("page");
        assertThat(json("/accounts?id=earner&limit=101", 400).get("message").stringValue()).contains("limit");
        assertThat(json("/accounts?id=" + "x".repeat(257), 400).has("message")).isTrue();
    }

    @Test
    void hostileIdsComeBackExactlyAsJsonStrings() throws Exception {
        String[] ids = {"<script>alert(1)</script>", "\"quoted\" 'single'", "a/b/../c", "x".repeat(256), "é".repeat(42)};
        for (String id : ids) {
            mine(id);
            MvcResult result = mvc.perform(get("/accounts").param("id", id)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            JsonNode account = CanonicalJson.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(account.get("id").stringValue()).isEqualTo(id);
            assertThat(account.get("blocks_won").intValue()).isEqualTo(1);
            assertThat(account.get("balance").intValue()).isEqualTo(1);
            assertThat(json("/blocks/" + chain.tip().index() + "/explained", 200).get("miner").stringValue()).isEqualTo(id);
        }
    }

    @Test
    void thePagesAreServed() throws Exception {
        for (String page : new String[] {"/explorer", "/explorer/blocks/1", "/explorer/accounts/ana", "/explorer/accounts?id=a/b"}) {
            MvcResult result = mvc.perform(get(page)).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
            assertThat(result.getResponse().getContentType()).startsWith("text/html");
            assertThat(result.getResponse().getContentAsString()).contains("<title>");
        }
    }
}
