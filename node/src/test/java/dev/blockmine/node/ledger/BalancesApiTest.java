package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * The default ledger, through the HTTP API: a sender spends only what it holds, pending spends included. The tests
 * share one node: each has accounts of its own (named with the test's own suffix) and works from the tip and the
 * pending pool it finds; the node is closed after the class.
 */
@TestPropertySource(properties = "node.difficulty=3")
@DirtiesContext
class BalancesApiTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(3);
    private static final AtomicInteger TESTS = new AtomicInteger();

    private final String suffix = "-" + TESTS.incrementAndGet();
    private final String alice = "alice" + suffix;
    private final String bob = "bob" + suffix;
    private final String carol = "carol" + suffix;
    private final String miner = "miner" + suffix;
    private final String other = "other" + suffix;
    private int pendingBefore;

    @BeforeEach
    void countPending() {
        pendingBefore = chain.pendingCount();
    }

    /** A spend as JSON. */
    private static String spend(String sender, String recipient, String amount) {
        return "{\"sender\": " + CanonicalJson.quote(sender) + ", \"recipient\": " + CanonicalJson.quote(recipient)
                + ", \"amount\": " + amount + "}";
    }

    private JsonNode balance(String id) throws Exception {
        return new LedgerCalls(mvc, chain).get("/balance", id);
    }

    private JsonNode send(String body, int status) throws Exception {
        return new LedgerCalls(mvc, chain).send(body, status);
    }

    private void mine(String id) throws Exception {
        new LedgerCalls(mvc, chain).mine(id);
    }

    @Test
    void spendingCoinsOneNeverMinedIsRefusedSayingTheBalance() throws Exception {
        JsonNode refused = send(spend(alice, bob, "1000000000"), 400);
        assertThat(refused.get("message").stringValue()).contains("balance").contains("\"" + alice + "\" has 0 available");
        assertThat(chain.pendingCount()).isEqualTo(pendingBefore);
        assertThat(CanonicalJson.encode(balance(alice))).isEqualTo("{\"available\": 0, \"balance\": 0, \"id\": \"" + alice + "\"}");
    }

    @Test
    void aMinerWithTwoCoinsSendsOnePointFiveButNotOneMoreWhileThatIsPending() throws Exception {
        mine(miner);
        mine(miner);
        assertThat(send(spend(miner, bob, "1.5"), 201).get("message").stringValue())
                .isEqualTo("Transaction will be added to Block " + (chain.tip().index() + 1));
        assertThat(CanonicalJson.encode(balance(miner))).isEqualTo("{\"available\": 0.5, \"balance\": 2, \"id\": \"" + miner + "\"}");

        JsonNode refused = send(spend(miner, carol, "1"), 400);
        assertThat(refused.get("message").stringValue()).contains("balance").contains("0.5 available");

        mine(other);
        assertThat(CanonicalJson.encode(balance(miner))).isEqualTo("{\"available\": 0.5, \"balance\": 0.5, \"id\": \"" + miner + "\"}");
        assertThat(CanonicalJson.encode(balance(bob))).isEqualTo("{\"available\": 1.5, \"balance\": 1.5, \"id\": \"" + bob + "\"}");
        assertThat(balance(carol).get("balance").intValue()).isZero();
        send(spend(miner, carol, "0.5"), 201); // all it has, exactly
        send(spend(bob, carol, "1.5"), 201);
        mine(other);
        assertThat(balance(miner).get("balance").intValue()).isZero();
        assertThat(balance(carol).get("balance").intValue()).isEqualTo(2);
        ChainAssertions.assertValid(chain, RULE);
    }

    @Test
    void sumsOfFractionsAreExactAndWhatIsShownCanBeSpent() throws Exception {
        mine(miner);
        for (int i = 0; i < 3; i++) {
            send(spend(miner, bob, "0.1"), 201);
        }
        mine(other);
        JsonNode held = balance(bob);
        assertThat(held.get("balance").isDouble()).isTrue();
        send(spend(bob, carol, CanonicalJson.encode(held.get("available"))), 201);
    }

    static Stream<Arguments> amountsOutsideTheRules() {
        return Stream.of(
                Arguments.of("zero", "0", "must be positive"),
                Arguments.of("zero float", "0.0", "must be positive"),
                Arguments.of("10^300", "1" + "0".repeat(300), "at most 2^53"),
                Arguments.of("1e300", "1e300", "at most 2^53"),
                Arguments.of("2^53 + 1", "9007199254740993", "at most 2^53"),
                Arguments.of("dust", "0.000000001", "dust"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amountsOutsideTheRules")
    void amountsOutsideTheRulesAreRefusedEvenWithCoins(String name, String amount, String expected) throws Exception {
        mine(miner);
        int pending = chain.pendingCount();
        JsonNode refused = send(spend(miner, bob, amount), 400);
        assertThat(refused.get("message").stringValue()).contains(expected);
        assertThat(chain.pendingCount()).isEqualTo(pending);
    }

    @Test
    void aSenderThatLooksLikeTheRewardsHasNothing() throws Exception {
        assertThat(send(spend(" 0", bob, "1"), 400).get("message").stringValue())
                .contains("balance");
    }

    @Test
    void balanceNeedsAnId() throws Exception {
        MvcResult result = mvc.perform(get("/balance")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(CanonicalJson.parse(result.getResponse().getContentAsString()).get("message").stringValue())
                .contains("id is required");
        assertThat(mvc.perform(get("/balance").param("id", "x".repeat(257))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void idsAreTakenExactlyAsWritten() throws Exception {
        mine("ana" + suffix + "\n");
        assertThat(balance("ana" + suffix + "\n").get("balance").intValue()).isEqualTo(1);
        assertThat(balance("ana" + suffix).get("balance").intValue()).isZero();
    }

}
