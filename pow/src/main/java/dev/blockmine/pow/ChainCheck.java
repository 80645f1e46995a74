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
        String previousString = null;
        for (int i = 0; i < chain.size(); i++) {
            JsonNode block = chain.get(i);
            String where = "block #" + (i + 1);
            if (!block.path("index").isIntegralNumber() || block.get("index").longValue() != i + 1) {
                problems.add(where + ": index is " + block.path("index") + ", expected " + (i + 1));
            }
            String blockString = CanonicalJson.encode(block);
            if (previousString != null) {
                String expectedHash = ProofRule.sha256Hex(previousString);
                if (!block.path("previous_hash").isString() || !expectedHash.equals(block.get("previous_hash").stringValue())) {
                    problems.add(where + ": previous_hash is " + block.path("previous_hash") + ", expected \"" + expectedHash + "\"");
                }
                JsonNode proof = block.path("proof");
                JsonNode blockRule = block.get("rule");
                if (blockRule == null) {
                    if (!proof.isIntegralNumber() || !rule.isValid(previousString, proof.bigIntegerValue())) {
                        problems.add(where + ": proof " + proof + " is not valid for the block before");
                    }
                } else if ("binary".equals(blockRule.stringValue(null))) {
                    checkBinaryProof(block, expectedHash, minZeroBits, where, problems);
                } else {
                    problems.add(where + ": unknown rule " + blockRule);
                }
                checkReward(block, where, problems);
            }
            previousString = blockString;
        }
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
