package dev.blockmine.pow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Valid chains for tests, as a node of ours serves them: one block string per block, oldest first. */
public final class TestChains {

    private TestChains() {
    }

    /** {@code length} blocks, each after the genesis block rewarding {@code miner}, with the first valid proof. */
    public static List<String> valid(int length, ProofRule rule, String miner) {
        return withTransactions(rule, miner, Collections.nCopies(length - 1, ""));
    }

    /**
     * A valid chain with one block after the genesis block per entry of {@code before}: that entry's transactions
     * (canonical JSON objects, comma-separated, or "" for none), then the reward to {@code miner}.
     */
    public static List<String> withTransactions(ProofRule rule, String miner, List<String> before) {
        List<String> chain = new ArrayList<>();
        chain.add("{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.25, \"transactions\": []}");
        for (String transactions : before) {
            String previous = chain.getLast();
            long proof = 0;
            while (!rule.isValid(previous, BigInteger.valueOf(proof))) {
                proof++;
            }
            chain.add("{\"index\": " + (chain.size() + 1) + ", \"previous_hash\": \"" + ProofRule.sha256Hex(previous)
                    + "\", \"proof\": " + proof + ", \"timestamp\": " + (1700000000 + chain.size()) + ".5, \"transactions\": "
                    + "[" + (transactions.isEmpty() ? "" : transactions + ", ")
                    + "{\"amount\": 1, \"recipient\": " + CanonicalJson.quote(miner) + ", \"sender\": \"0\"}]}");
        }
        return chain;
    }
}
