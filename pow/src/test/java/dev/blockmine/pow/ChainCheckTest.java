package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ChainCheckTest {

    private static final ProofRule RULE = new ProofRule(3);
    private final List<JsonNode> chain = new ArrayList<>();

    @BeforeEach
    void buildAValidChain() {
        chain.add(CanonicalJson.parse("{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1.5, \"transactions\": []}"));
        for (int i = 2; i <= 4; i++) {
            String previous = CanonicalJson.encode(chain.getLast());
            long proof = 0;
            while (!RULE.isValid(previous, BigInteger.valueOf(proof))) {
                proof++;
            }
            chain.add(CanonicalJson.parse("{\"index\": " + i + ", \"previous_hash\": \"" + ProofRule.sha256Hex(previous)
                    + "\", \"proof\": " + proof + ", \"timestamp\": " + i + ".25, \"transactions\": [{\"amount\": 2.5, "
                    + "\"recipient\": \"b\", \"sender\": \"a\"}, {\"amount\": 1, \"recipient\": \"m" + i + "\", \"sender\": \"0\"}]}"));
        }
    }

    @Test
    void aValidChainHasNoProblems() {
        assertThat(ChainCheck.problems(chain, RULE)).isEmpty();
    }

    @Test
    void aTamperedTransactionBreaksTheNextLink() {
        ((ObjectNode) chain.get(1).get("transactions").get(0)).put("amount", 250);
        assertThat(ChainCheck.problems(chain, RULE)).anyMatch(p -> p.startsWith("block #3: previous_hash"));
    }

    @Test
    void aBlockTheCallerFoundLinkedIsCheckedForAllButTheLink() {
        String second = CanonicalJson.encode(chain.get(1));
        ObjectNode third = (ObjectNode) chain.get(2);
        third.put("previous_hash", "ab".repeat(32)); // what the caller vouched for is taken as read
        assertThat(walkAfter(second).next(third)).anyMatch(p -> p.startsWith("block #3: previous_hash"));
        assertThat(walkAfter(second).nextLinked(third)).isEmpty();

        ((ObjectNode) third.get("transactions").get(1)).put("amount", 2); // the rest is still checked
        assertThat(walkAfter(second).nextLinked(third)).singleElement().asString().startsWith("block #3: expected exactly one reward");
        assertThat(catchThrowable(() -> new ChainCheck.Walk(RULE, 12, BlockShape.CHAIN).nextLinked(chain.getFirst())))
                .isInstanceOf(IllegalStateException.class);
    }

    private ChainCheck.Walk walkAfter(String tip) {
        return new ChainCheck.Walk(RULE, 12, BlockShape.CHAIN, tip, CanonicalJson.parse(tip).get("index").longValue(),
                List.of(1.5, 2.25));
    }

    @Test
    void aWrongProofIsFound() {
        ObjectNode block = (ObjectNode) chain.get(2);
        String previous = CanonicalJson.encode(chain.get(1));
        long wrong = 0;
        while (RULE.isValid(previous, BigInteger.valueOf(wrong))) {
            wrong++;
        }
        block.put("proof", wrong);
        assertThat(ChainCheck.problems(chain, RULE)).anyMatch(p -> p.startsWith("block #3: proof"));
    }

    @Test
    void missingOrDoubledRewardsAndGapsAreFound() {
        ((ObjectNode) chain.get(3)).put("index", 7);
        assertThat(ChainCheck.problems(chain, RULE)).anyMatch(p -> p.startsWith("block #4: index"));
        ((ObjectNode) chain.get(1).get("transactions").get(0)).put("sender", "0");
        List<String> problems = ChainCheck.problems(chain, RULE);
        assertThat(problems).as("validation stops at the first bad block")
                .allMatch(p -> p.startsWith("block #2: "))
                .anyMatch(p -> p.startsWith("block #2: expected exactly one reward"));
    }

    @Test
    void theGenesisBlockHasTheCourseShape() {
        ((ObjectNode) chain.getFirst()).putArray("transactions").addObject().put("amount", 1_000_000_000_000_000L)
                .put("recipient", "forger").put("sender", "0");
        assertThat(ChainCheck.problems(chain, RULE)).singleElement().asString().startsWith("block #1: a genesis block is exactly");
    }

    @Test
    void fieldsOutOfBoundsAreFound() {
        ((ObjectNode) chain.get(1)).put("timestamp", -1e308);
        assertThat(ChainCheck.problems(chain, RULE)).singleElement().asString().startsWith("block #2: timestamp");
        ((ObjectNode) chain.get(1)).put("timestamp", 2.25);
        ((ObjectNode) chain.get(1).get("transactions").get(0)).put("recipient", "x".repeat(5000));
        assertThat(ChainCheck.problems(chain, RULE)).singleElement().asString().startsWith("block #2: a transaction's recipient");
        ((ObjectNode) chain.get(1).get("transactions").get(0)).put("recipient", "b").put("amount", -2.5);
        assertThat(ChainCheck.problems(chain, RULE)).singleElement().asString().startsWith("block #2: a transaction's amount");
        ((ObjectNode) chain.get(1).get("transactions").get(0)).put("amount", 2.5).put("extra", 1);
        assertThat(ChainCheck.problems(chain, RULE)).singleElement().asString().startsWith("block #2: a transaction has");
    }
}
