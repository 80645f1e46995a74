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
        JsonNode genesis = chain.getFirst();
        if (!genesis.path("index").isIntegralNumber() || genesis.get("index").longValue() != 1) {
            problems.add("block #1: index is " + genesis.path("index") + ", expected 1");
        }
        for (int i = 1; i < chain.size(); i++) {
            problems.addAll(link(chain.get(i - 1), chain.get(i), rule));
        }
        return problems;
    }

    /**
     * The problems of {@code next} as the successor of {@code previous}: its index, its previous_hash, its proof
     * and its reward. A miner that validated a chain once checks each new block with this alone.
     */
    public static List<String> link(JsonNode previous, JsonNode next, ProofRule rule) {
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
        if (!proof.isIntegralNumber() || !rule.isValid(previousString, proof.bigIntegerValue())) {
            problems.add(where + ": proof " + proof + " is not valid for the block before");
        }
        checkReward(next, where, problems);
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
