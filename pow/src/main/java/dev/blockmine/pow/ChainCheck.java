package dev.blockmine.pow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validates a whole chain as served by {@code GET /chain}: indices consecutive from 1, every {@code previous_hash}
 * the hash of the block before, every proof valid for the block before under its rule, and exactly one reward
 * (sender "0", amount 1), last, in every block after the genesis block.
 * <p>
 * Two rules prove blocks. An HTTP block's proof is valid for the previous block's string under the {@link ProofRule}.
 * A block won over the binary protocol says so with {@code "rule": "binary"} and its {@code "zero_bits"}; its proof
 * is a 32-bit nonce, valid under the {@link BinaryRule} for the {@link JobData} recomputed from the block itself
 * (index, previous_hash, the transactions before the reward, zero_bits).
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /**
     * Binary blocks must carry at least the same work as the HTTP rule ({@code 4 × hexZeros} bits).
     *
     * @return the problems found, empty for a valid chain
     */
    public static List<String> problems(List<JsonNode> chain, ProofRule rule) {
        return problems(chain, rule, BinaryRule.equivalentTo(rule).zeroBits());
    }

    /**
     * @param minZeroBits the lowest {@code zero_bits} a binary block may claim
     * @return the problems found, empty for a valid chain
     */
    public static List<String> problems(List<JsonNode> chain, ProofRule rule, int minZeroBits) {
        List<String> problems = new ArrayList<>();
        if (chain.isEmpty()) {
            problems.add("the chain is empty");
            return problems;
        }
        JsonNode genesis = chain.getFirst();
        if (!genesis.path("index").isIntegralNumber() || genesis.get("index").longValue() != 1) {
            problems.add("block #1: index is " + genesis.path("index") + ", expected 1");
        }
        for (int i = 1; i < chain.size(); i++) {
            problems.addAll(link(chain.get(i - 1), chain.get(i), rule, minZeroBits));
        }
        return problems;
    }

    /** {@link #link(JsonNode, JsonNode, ProofRule, int)} with binary blocks held to the HTTP rule's work. */
    public static List<String> link(JsonNode previous, JsonNode next, ProofRule rule) {
        return link(previous, next, rule, BinaryRule.equivalentTo(rule).zeroBits());
    }

    /**
     * The problems of {@code next} as the successor of {@code previous}: its index, its previous_hash, its proof
     * under its rule and its reward. A miner that validated a chain once checks each new block with this alone.
     */
    public static List<String> link(JsonNode previous, JsonNode next, ProofRule rule, int minZeroBits) {
        List<String> problems = new ArrayList<>();
        long expectedIndex = previous.path("index").longValue() + 1;
        String where = "block #" + expectedIndex;
        if (!next.path("index").isIntegralNumber() || next.get("index").longValue() != expectedIndex) {
            problems.add(where + ": index is " + next.path("index") + ", expected " + expectedIndex);
        }
        String previousString = CanonicalJson.encode(previous);
        String expectedHash = ProofRule.sha256Hex(previousString);
        if (!next.path("previous_hash").isString() || !expectedHash.equals(next.get("previous_hash").stringValue())) {
            problems.add(where + ": previous_hash is " + next.path("previous_hash") + ", expected \"" + expectedHash + "\"");
        }
        JsonNode proof = next.path("proof");
        JsonNode blockRule = next.get("rule");
        if (blockRule == null) {
            if (!proof.isIntegralNumber() || !rule.isValid(previousString, proof.bigIntegerValue())) {
                problems.add(where + ": proof " + proof + " is not valid for the block before");
            }
        } else if ("binary".equals(blockRule.stringValue(null))) {
            checkBinaryProof(next, expectedHash, minZeroBits, where, problems);
        } else {
            problems.add(where + ": unknown rule " + blockRule);
        }
        checkReward(next, where, problems);
        return problems;
    }

    private static void checkBinaryProof(JsonNode block, String previousHash, int minZeroBits, String where,
            List<String> problems) {
        JsonNode bits = block.path("zero_bits");
        JsonNode proof = block.path("proof");
        if (!bits.isIntegralNumber() || bits.longValue() < minZeroBits || bits.longValue() > 255) {
            problems.add(where + ": zero_bits " + bits + " is not between " + minZeroBits + " and 255");
            return;
        }
        if (!proof.isIntegralNumber() || proof.bigIntegerValue().signum() < 0
                || proof.bigIntegerValue().compareTo(BigInteger.valueOf(BinaryRule.MAX_NONCE)) > 0) {
            problems.add(where + ": binary proof " + proof + " is not a 32-bit nonce");
            return;
        }
        JsonNode transactions = block.path("transactions");
        if (!transactions.isArray() || transactions.isEmpty()) {
            return; // reported by checkReward
        }
        ArrayNode beforeReward = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < transactions.size() - 1; i++) {
            beforeReward.add(transactions.get(i));
        }
        int zeroBits = bits.intValue();
        byte[] data = JobData.of(block.path("index").longValue(), previousHash, CanonicalJson.encode(beforeReward), zeroBits);
        if (!new BinaryRule(zeroBits).isValid(data, proof.longValue())) {
            problems.add(where + ": nonce " + proof + " is not valid for its job data at " + zeroBits + " zero bits");
        }
    }

    private static void checkReward(JsonNode block, String where, List<String> problems) {
        JsonNode transactions = block.path("transactions");
        long rewards = 0;
        for (JsonNode tx : transactions.values()) {
            if ("0".equals(tx.path("sender").stringValue(null))) {
                rewards++;
            }
        }
        JsonNode last = transactions.isArray() && !transactions.isEmpty() ? transactions.get(transactions.size() - 1) : null;
        boolean rewardLast = last != null && "0".equals(last.path("sender").stringValue(null))
                && last.path("amount").isIntegralNumber() && BigInteger.ONE.equals(last.get("amount").bigIntegerValue())
                && last.path("recipient").isString();
        if (rewards != 1 || !rewardLast) {
            problems.add(where + ": expected exactly one reward of 1 coin from sender \"0\", last; found " + rewards + " from \"0\"");
        }
    }
}
