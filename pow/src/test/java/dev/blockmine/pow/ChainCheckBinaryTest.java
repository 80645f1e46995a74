package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Chains mixing HTTP blocks and blocks won over the binary protocol, validated from the served blocks alone. */
class ChainCheckBinaryTest {

    private static final ProofRule RULE = new ProofRule(2);
    private static final int BITS = 8;
    private final List<JsonNode> chain = new ArrayList<>();

    @BeforeEach
    void buildAMixedChain() {
        chain.add(CanonicalJson.parse("{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1.5, \"transactions\": []}"));
        chain.add(binaryBlock(2, "ana"));
        chain.add(httpBlock(3));
        chain.add(binaryBlock(4, "bob"));
    }

    @Test
    void aMixedChainHasNoProblems() {
        assertThat(ChainCheck.problems(chain, RULE, BITS)).isEmpty();
    }

    @Test
    void theDefaultMinimumIsTheHttpRulesWorkInBits() {
        assertThat(ChainCheck.problems(chain, new ProofRule(2))).isEmpty(); // 2 hex zeros = 8 bits
        assertThat(ChainCheck.problems(chain, RULE, BITS + 1)).anyMatch(p -> p.startsWith("block #2: zero_bits 8"));
    }

    @Test
    void aTransactionChangedAfterMiningBreaksTheNonce() {
        // the last block has no successor to commit to it: only the job data can catch this
        ((ObjectNode) chain.get(3).get("transactions").get(0)).put("amount", 99);
        assertThat(ChainCheck.problems(chain, RULE, BITS)).containsExactly(
                "block #4: nonce " + chain.get(3).get("proof") + " is not valid for its job data at 8 zero bits");
    }

    @Test
    void aTargetOtherThanTheMinedOneBreaksTheNonce() {
        // zero_bits is part of the job data: a block cannot claim a target it was not mined at
        ((ObjectNode) chain.get(3)).put("zero_bits", 16);
        assertThat(ChainCheck.problems(chain, RULE, BITS)).containsExactly(
                "block #4: nonce " + chain.get(3).get("proof") + " is not valid for its job data at 16 zero bits");
    }

    @Test
    void anUnknownRuleAndANonceOutOfRangeAreFound() {
        ((ObjectNode) chain.get(3)).put("rule", "magic");
        assertThat(ChainCheck.problems(chain, RULE, BITS)).anyMatch(p -> p.equals("block #4: unknown rule \"magic\""));
        ((ObjectNode) chain.get(1)).put("proof", 1L << 32);
        assertThat(ChainCheck.problems(chain, RULE, BITS))
                .anyMatch(p -> p.startsWith("block #2: binary proof 4294967296 is not a 32-bit nonce"));
    }

    @Test
    void theRewardIsNotCommittedSoAnyMinerNameValidates() {
        // the job is the same for every miner: who won is recorded by the block, not by the nonce
        ((ObjectNode) chain.get(3).get("transactions").get(1)).put("recipient", "eve");
        assertThat(ChainCheck.problems(chain, RULE, BITS)).isEmpty();
    }

    private ObjectNode binaryBlock(long index, String miner) {
        String previousHash = ProofRule.sha256Hex(CanonicalJson.encode(chain.getLast()));
        ArrayNode transactions = (ArrayNode) CanonicalJson.parse("[{\"amount\": 2.5, \"recipient\": \"b\", \"sender\": \"a\"}]");
        byte[] data = JobData.of(index, previousHash, CanonicalJson.encode(transactions), BITS);
        long nonce = 0;
        while (!new BinaryRule(BITS).isValid(data, nonce)) {
            nonce++;
        }
        transactions.add(CanonicalJson.parse("{\"amount\": 1, \"recipient\": \"" + miner + "\", \"sender\": \"0\"}"));
        ObjectNode block = (ObjectNode) CanonicalJson.parse("{}");
        block.put("index", index).put("previous_hash", previousHash).put("proof", nonce).put("timestamp", index + 0.5)
                .put("rule", "binary").put("zero_bits", BITS);
        block.set("transactions", transactions);
        return block;
    }

    private ObjectNode httpBlock(long index) {
        String previous = CanonicalJson.encode(chain.getLast());
        long proof = 0;
        while (!RULE.isValid(previous, java.math.BigInteger.valueOf(proof))) {
            proof++;
        }
        return (ObjectNode) CanonicalJson.parse("{\"index\": " + index + ", \"previous_hash\": \"" + ProofRule.sha256Hex(previous)
                + "\", \"proof\": " + proof + ", \"timestamp\": 3.25, \"transactions\": [{\"amount\": 1, \"recipient\": \"m\", "
                + "\"sender\": \"0\"}]}");
    }
}
