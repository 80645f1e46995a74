package dev.blockmine.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the contract, and every kind of bad input: a 4xx with a JSON message, and no change. The tests
 * share one node and work from whatever its tip is when they start (the chain only grows), so none needs a node of
 * its own; the node is closed after the class, so other classes do not see these blocks.
 */
@TestPropertySource(properties = "node.difficulty=3")
@DirtiesContext
class ApiTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(3);

    /** Blocks on the chain when the test started. */
    private int before;

    @BeforeEach
    void countBlocks() {
        before = chain.blocks().size();
    }

    @Test
    void lastBlockIsTheTipWrappedAndTheFirstBlockIsTheGenesisBlock() throws Exception {
        MvcResult result = mvc.perform(get("/last_block")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        String body = result.getResponse().getContentAsString();
        assertThat(body).isEqualTo("{\"last_block\": " + chain.tip().blockString() + "}");
        assertThat(CanonicalJson.parse(body).get("last_block").propertyNames())
                .containsExactly("index", "previous_hash", "proof", "timestamp", "transactions");
        JsonNode genesis = json(mvc.perform(get("/chain")).andReturn(), 200).get("chain").get(0);
        assertThat(genesis.propertyNames()).containsExactly("index", "previous_hash", "proof", "timestamp", "transactions");
        assertThat(genesis.get("index").intValue()).isEqualTo(1);
        assertThat(genesis.get("previous_hash").stringValue()).isEqualTo("1");
        assertThat(genesis.get("proof").intValue()).isEqualTo(100);
        assertThat(genesis.get("transactions").isEmpty()).isTrue();
        assertThat(genesis.get("timestamp").isDouble()).isTrue();
        assertThat(genesis.get("timestamp").doubleValue()).isCloseTo(System.currentTimeMillis() / 1e3, org.assertj.core.data.Offset.offset(600.0));
    }

    @Test
    void chainListsEveryBlockWithItsLength() throws Exception {
        JsonNode body = json(mvc.perform(get("/chain")).andReturn(), 200);
        assertThat(body.propertyNames()).containsExactly("chain", "length");
        assertThat(body.get("length").intValue()).isEqualTo(before);
        assertThat(body.get("chain").size()).isEqualTo(before);
        for (int i = 0; i < before; i++) {
            assertThat(CanonicalJson.encode(body.get("chain").get(i))).isEqualTo(chain.blocks().at(i + 1).blockString());
        }
    }

    @Test
    void firstValidProofForgesABlockAndEveryRepeatIsRefused() throws Exception {
        SealedBlock tip = chain.tip();
        BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, 0);

        JsonNode forged = json(mine("{\"proof\": " + proof + ", \"id\": \"ana\\n\"}"), 200);
        assertThat(forged.get("message").stringValue()).isEqualTo("New Block Forged");
        assertThat(forged.propertyNames()).containsExactly("index", "message", "previous_hash", "proof", "transactions");
        assertThat(forged.get("index").intValue()).isEqualTo(before + 1);
        assertThat(forged.get("proof").bigIntegerValue()).isEqualTo(proof);
        assertThat(forged.get("previous_hash").stringValue()).isEqualTo(ProofRule.sha256Hex(tip.blockString()));
        assertThat(CanonicalJson.encode(forged.get("transactions")))
                .isEqualTo("[{\"amount\": 1, \"recipient\": \"ana\\n\", \"sender\": \"0\"}]");
        assertThat(chain.blocks()).hasSize(before + 1);

        JsonNode repeat = json(mine("{\"proof\": " + proof + ", \"id\": \"bob\"}"), 409);
        assertThat(repeat.get("message").stringValue()).contains("too late").contains("block " + (before + 1));
        assertThat(chain.blocks()).hasSize(before + 1);
        ChainAssertions.assertValid(chain, RULE);
        ChainAssertions.assertValid(json(mvc.perform(get("/chain")).andReturn(), 200), RULE);
    }

    @Test
    void invalidProofIsRefusedWithTheRule() throws Exception {
        BigInteger wrong = Proofs.firstInvalid(chain.tip().blockString(), RULE, 0);
        JsonNode body = json(mine("{\"proof\": " + wrong + ", \"id\": \"ana\"}"), 400);
        assertThat(body.get("message").stringValue()).contains("Invalid proof").contains("000");
        assertThat(chain.blocks()).hasSize(before);
    }

    @Test
    void pendingTransactionsGoIntoTheNextBlockBeforeTheReward() throws Exception {
        json(mine("{\"proof\": " + Proofs.firstValid(chain.tip().blockString(), RULE, 0) + ", \"id\": \"ana\"}"), 200);
        JsonNode queued = json(mvc.perform(post("/transactions/new").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sender\": \"ana\", \"recipient\": \"Jos\u00e9\", \"amount\": 0.5}")).andReturn(), 201);
        assertThat(queued.get("message").stringValue()).isEqualTo("Transaction will be added to Block " + (before + 2));
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        JsonNode forged = json(mine("{\"proof\": " + proof + ", \"id\": \"bob\"}"), 200);
        assertThat(CanonicalJson.encode(forged.get("transactions"))).isEqualTo(
                "[{\"amount\": 0.5, \"recipient\": \"Jos\\u00e9\", \"sender\": \"ana\"}, "
                        + "{\"amount\": 1, \"recipient\": \"bob\", \"sender\": \"0\"}]");
        ChainAssertions.assertValid(chain, RULE);
    }

    static Stream<Arguments> badMineBodies() {
        return Stream.of(
                Arguments.of("missing proof", "{\"id\": \"ana\"}", "Missing values"),
                Arguments.of("missing id", "{\"proof\": 1}", "Missing values"),
                Arguments.of("null proof", "{\"proof\": null, \"id\": \"ana\"}", "Missing values"),
                Arguments.of("null id", "{\"proof\": 1, \"id\": null}", "Missing values"),
                Arguments.of("proof as string", "{\"proof\": \"123\", \"id\": \"ana\"}", "proof must be a JSON integer"),
                Arguments.of("proof as float", "{\"proof\": 1.5, \"id\": \"ana\"}", "proof must be a JSON integer"),
                Arguments.of("proof as 1.0", "{\"proof\": 1.0, \"id\": \"ana\"}", "proof must be a JSON integer"),
                Arguments.of("proof as boolean", "{\"proof\": true, \"id\": \"ana\"}", "proof must be a JSON integer"),
                Arguments.of("proof as array", "{\"proof\": [1], \"id\": \"ana\"}", "proof must be a JSON integer"),
                Arguments.of("id as number", "{\"proof\": 1, \"id\": 7}", "id must be a string"),
                Arguments.of("id empty", "{\"proof\": 1, \"id\": \"\"}", "non-empty"),
                Arguments.of("id too long", "{\"proof\": 1, \"id\": \"" + "x".repeat(257) + "\"}", "at most 256"),
                Arguments.of("array body", "[1, 2]", "must be a JSON object"),
                Arguments.of("string body", "\"proof\"", "must be a JSON object"),
                Arguments.of("null body", "null", "must be a JSON object"),
                Arguments.of("truncated JSON", "{\"proof\": 1, \"id\": \"a", "not valid JSON"),
                Arguments.of("trailing garbage", "{\"proof\": 1, \"id\": \"a\"} x", "not valid JSON"),
                Arguments.of("NaN", "{\"proof\": NaN, \"id\": \"a\"}", "not valid JSON"),
                Arguments.of("huge number", "{\"proof\": 1" + "0".repeat(5000) + ", \"id\": \"a\"}", "not valid JSON"),
                Arguments.of("deep nesting", "{\"proof\": " + "[".repeat(2000) + "]".repeat(2000) + ", \"id\": \"a\"}", "not valid JSON"),
                Arguments.of("form encoding as JSON", "proof=1&id=ana", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMineBodies")
    void badMineBodiesGet400AndChangeNothing(String name, String body, String expected) throws Exception {
        assertRefused(mine(body), 400, expected);
    }

    @Test
    void emptyBodyIsRefused() throws Exception {
        assertRefused(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON)).andReturn(), 400, "empty");
    }

    @Test
    void wrongContentTypeIsRefused() throws Exception {
        String valid = "{\"proof\": 1, \"id\": \"ana\"}";
        assertRefused(mvc.perform(post("/mine").contentType(MediaType.TEXT_PLAIN).content(valid)).andReturn(), 415,
                "Content-Type must be application/json");
        assertRefused(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("proof=1&id=a"))
                .andReturn(), 415, "Content-Type must be application/json");
        assertRefused(mvc.perform(post("/mine").content(valid)).andReturn(), 415, "was none");
        assertRefused(mvc.perform(post("/mine").contentType("application/problem+json").content(valid)).andReturn(), 415,
                "Content-Type must be application/json");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] body = "{\"proof\": 1, \"id\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn(), 400,
                "not valid JSON");
    }

    @Test
    void tenMegabyteBodyIsRefusedUnread() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        assertRefused(mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON).content(huge)).andReturn(), 413,
                "larger than 8192 bytes");
    }

    static Stream<Arguments> badTransactions() {
        return Stream.of(
                Arguments.of("missing amount", "{\"sender\": \"a\", \"recipient\": \"b\"}", "Missing values"),
                Arguments.of("null sender", "{\"sender\": null, \"recipient\": \"b\", \"amount\": 1}", "Missing values"),
                Arguments.of("amount as string", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": \"1\"}", "amount must be a number"),
                Arguments.of("negative amount", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": -1}", "must not be negative"),
                Arguments.of("negative float", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": -0.5}", "must not be negative"),
                Arguments.of("infinite amount", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1e999}", "finite"),
                Arguments.of("recipient as number", "{\"sender\": \"a\", \"recipient\": 5, \"amount\": 1}", "recipient must be a string"),
                Arguments.of("coinbase sender", "{\"sender\": \"0\", \"recipient\": \"b\", \"amount\": 1}", "reserved"),
                Arguments.of("not an object", "[]", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTransactions")
    void badTransactionsGet400AndQueueNothing(String name, String body, String expected) throws Exception {
        assertRefused(mvc.perform(post("/transactions/new").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn(),
                400, expected);
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        JsonNode forged = json(mine("{\"proof\": " + proof + ", \"id\": \"ana\"}"), 200);
        assertThat(forged.get("transactions").size()).as("only the reward").isEqualTo(1);
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() throws Exception {
        assertRefused(mvc.perform(get("/nowhere")).andReturn(), 404, "");
        assertRefused(mvc.perform(delete("/mine")).andReturn(), 405, "DELETE");
        assertRefused(mvc.perform(get("/mine")).andReturn(), 405, "GET");
    }

    private MvcResult mine(String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/mine").contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request).andReturn();
    }

    private void assertRefused(MvcResult result, int status, String messagePart) throws Exception {
        JsonNode body = json(result, status);
        assertThat(body.get("message").isString()).isTrue();
        assertThat(body.get("message").stringValue()).contains(messagePart);
        assertThat(chain.blocks()).as("the chain is unchanged").hasSize(before);
    }

    private static JsonNode json(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as("status of %s", body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        JsonNode json = CanonicalJson.parse(body);
        assertThat(json.isObject()).isTrue();
        return json;
    }
}
