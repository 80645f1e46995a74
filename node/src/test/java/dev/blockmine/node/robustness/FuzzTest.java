package dev.blockmine.node.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * 10,000 generated bodies per endpoint, each with a random content type. Every answer is a success or a 4xx
 * with a JSON message, never a 5xx; the chain grows only for a genuinely valid, first proof. The three tests share
 * one node (one context start, not three), each working from the tip and the pending transactions it finds. The
 * reads go first, while the chain is short: each of their 5,000 {@code GET /chain} would otherwise copy the blocks the
 * other two forged (a megabyte). MockMvc keeps no printout of the 30,000 exchanges (it would, for a failure): each
 * assertion names the body it sent.
 */
@SpringBootTest(properties = "node.difficulty=2")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzTest {

    private static final int BODIES_PER_ENDPOINT = 10_000;
    private static final ProofRule RULE = new ProofRule(2);
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json; charset=utf-8",
        "application/problem+json", null, "text/plain", "application/x-www-form-urlencoded", "garbage/", ";;", "*/*"};

    @Autowired
    MockMvc mvc;

    @Autowired
    Chain chain;

    private final Random random = new Random(6);

    @AfterEach
    void chainStaysValid() {
        ChainAssertions.assertValid(chain, RULE);
    }

    @Test
    void mine() throws Exception {
        BodyFuzzer fuzzer = new BodyFuzzer(1, "proof", "id");
        int forged = 0;
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            SealedBlock tip = chain.tip();
            int before = chain.blocks().size();
            byte[] body = fuzzer.next();
            String contentType = randomContentType();
            if (i % 100 == 0) { // now and then a genuinely valid proof, so success stays possible
                BigInteger proof = Proofs.firstValid(tip.blockString(), RULE, random.nextInt(1000));
                body = ("{\"id\": \"fuzz-" + i + "\", \"proof\": " + proof + "}").getBytes(StandardCharsets.UTF_8);
                contentType = "application/json";
            }
            MvcResult result = send(post("/mine"), body, contentType);
            int status = result.getResponse().getStatus();
            JsonNode answer = answerOf(result, body);
            if (status == 200) {
                forged++;
                assertThat(answer.get("message").stringValue()).isEqualTo("New Block Forged");
                assertThat(chain.blocks()).hasSize(before + 1);
                JsonNode sent = CanonicalJson.parse(body);
                assertThat(RULE.isValid(tip.blockString(), sent.get("proof").bigIntegerValue())).isTrue();
                assertThat(chain.tip().block().previousHash()).isEqualTo(tip.hash());
            } else {
                assertThat(chain.blocks()).as("chain unchanged after %d for %s", status, printable(body)).hasSize(before);
            }
        }
        assertThat(forged).isGreaterThanOrEqualTo(BODIES_PER_ENDPOINT / 100);
    }

    @Test
    void newTransaction() throws Exception {
        BodyFuzzer fuzzer = new BodyFuzzer(2, "sender", "recipient", "amount");
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            if (i % 500 == 0) { // keep the pending queue from filling: forge a block now and then
                BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
                assertThat(send(post("/mine"), ("{\"proof\": " + proof + ", \"id\": \"m\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json").getResponse().getStatus()).isEqualTo(200);
            }
            int before = chain.blocks().size();
            byte[] body = fuzzer.next();
            MvcResult result = send(post("/transactions/new"), body, randomContentType());
            JsonNode answer = answerOf(result, body);
            if (result.getResponse().getStatus() == 201) {
                assertThat(answer.get("message").stringValue()).startsWith("Transaction will be added to Block ");
                JsonNode sent = CanonicalJson.parse(body);
                assertThat(sent.get("amount").isNumber()).isTrue();
                assertThat(sent.get("amount").doubleValue()).isNotNegative();
            }
            assertThat(chain.blocks()).hasSize(before);
        }
    }

    @Test
    @Order(1)
    void readsIgnoreWhateverIsSentWithThem() throws Exception {
        BodyFuzzer fuzzer = new BodyFuzzer(3, "last_block", "chain");
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            byte[] body = fuzzer.next();
            MvcResult result = send(get(i % 2 == 0 ? "/last_block" : "/chain"), body, randomContentType());
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).startsWith(i % 2 == 0 ? "{\"last_block\": {" : "{\"chain\": [");
        }
    }

    private String randomContentType() {
        return CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    }

    private MvcResult send(MockHttpServletRequestBuilder request, byte[] body, String contentType) throws Exception {
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return mvc.perform(request.content(body)).andReturn();
    }

    /** The answer must be a JSON object: a success, or a 4xx carrying a message. */
    private static JsonNode answerOf(MvcResult result, byte[] body) throws Exception {
        int status = result.getResponse().getStatus();
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("status for %s -> %s", printable(body), text).isBetween(200, 499);
        assertThat(result.getResponse().getContentType()).as("content type for %s", printable(body)).startsWith("application/json");
        JsonNode answer;
        try {
            answer = CanonicalJson.parse(text);
        } catch (JacksonException e) {
            throw new AssertionError("not JSON: " + text + " for " + printable(body), e);
        }
        assertThat(answer.path("message").isString()).as("message in %s", text).isTrue();
        return answer;
    }

    private static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
