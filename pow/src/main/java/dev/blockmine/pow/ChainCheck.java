package dev.blockmine.pow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Validates a whole chain as served by {@code GET /chain}: indices consecutive from 1, every {@code previous_hash}
 * the hash of the block before, every proof valid for the block before under the rule, and exactly one reward
 * (sender "0", amount 1), last, in every block after the genesis block.
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /** @return the problems found, empty for a valid chain */
    public static List<String> problems(List<JsonNode> chain, ProofRule rule) {
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
                if (!proof.isIntegralNumber() || !rule.isValid(previousString, proof.bigIntegerValue())) {
                    problems.add(where + ": proof " + proof + " is not valid for the block before");
                }
                checkReward(block, where, problems);
            }
            previousString = blockString;
        }
        return problems;
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
