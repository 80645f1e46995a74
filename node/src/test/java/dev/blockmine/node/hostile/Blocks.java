package dev.blockmine.node.hostile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.PythonFloat;

/** Blocks an attacker would make: valid proofs of work around whatever fields it likes. */
final class Blocks {

    static final ProofRule RULE = new ProofRule(3);
    static final String GENESIS =
            "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.25, \"transactions\": []}";

    private Blocks() {
    }

    /** The block after {@code previous} with a valid proof, rewarding {@code recipient}, at {@code timestamp} (JSON). */
    static String after(String previous, String timestamp, String recipient) {
        long index = CanonicalJson.parse(previous).get("index").longValue() + 1;
        long proof = 0;
        while (!RULE.isValid(previous, BigInteger.valueOf(proof))) {
            proof++;
        }
        return "{\"index\": " + index + ", \"previous_hash\": \"" + ProofRule.sha256Hex(previous) + "\", \"proof\": " + proof
                + ", \"timestamp\": " + timestamp + ", \"transactions\": [{\"amount\": 1, \"recipient\": "
                + CanonicalJson.quote(recipient) + ", \"sender\": \"0\"}]}";
    }

    /** The timestamp {@code seconds} after {@code block}'s, as Python writes it. */
    static String secondsAfter(String block, double seconds) {
        return PythonFloat.repr(CanonicalJson.parse(block).get("timestamp").doubleValue() + seconds);
    }

    /** As {@link #after}, with {@code spends} (JSON transaction objects) after the reward. */
    static String after(String previous, String timestamp, String recipient, List<String> spends) {
        String block = after(previous, timestamp, recipient);
        return spends.isEmpty() ? block : block.substring(0, block.length() - 2) + ", " + String.join(", ", spends) + "]}";
    }

    /** A chain of {@code length} blocks from {@code genesis}, every later block valid and rewarding {@code miner}. */
    static List<String> chainFrom(String genesis, int length, String miner) {
        List<String> chain = new ArrayList<>(List.of(genesis));
        while (chain.size() < length) {
            chain.add(after(chain.getLast(), (1700000000 + chain.size()) + ".5", miner));
        }
        return chain;
    }

    /** A {@code GET /chain} answer holding {@code chain}. */
    static String chainAnswer(List<String> chain) {
        return "{\"chain\": [" + String.join(", ", chain) + "], \"length\": " + chain.size() + "}";
    }
}
