package dev.blockmine.pow;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The shape every block must have, whatever brought it (a miner, a peer, the stored journal): exactly the block's
 * keys, fields of the right type and within limits, finite timestamps and amounts, and the course's genesis block.
 * Proofs, links and rewards are {@link ChainCheck}'s; balances are the node's ledger rules, checked apart.
 *
 * @param maxIdLength longest sender or recipient, in characters
 * @param maxTransactions most transactions in one block, the reward included
 * @param maxProofDigits longest proof, in characters of its decimal form
 */
public record BlockShape(int maxIdLength, int maxTransactions, int maxProofDigits) {

    /** What a node with the default settings writes, with room to spare: 256-character ids, 10,000 transactions. */
    public static final BlockShape DEFAULT = new BlockShape(256, 10_000, 1000);

    /**
     * Timestamps are seconds since the epoch, as Python's {@code time()}: between 1970 and 2286. Anything else
     * (±1e308, say) makes block times that no dashboard or client can compute with.
     */
    public static final double MAX_TIMESTAMP = 1e10;

    private static final Set<String> KEYS = Set.of("index", "previous_hash", "proof", "timestamp", "transactions");
    private static final Set<String> BINARY_KEYS = Set.of("index", "previous_hash", "proof", "timestamp", "transactions",
            "rule", "zero_bits");
    private static final Set<String> TRANSACTION_KEYS = Set.of("amount", "recipient", "sender");
    /** Signed transactions carry these too; what they must hold is the ledger's rule. */
    private static final Set<String> SIGNED_TRANSACTION_KEYS = Set.of("amount", "recipient", "sender", "nonce", "signature");
    private static final int MAX_SIGNATURE_LENGTH = 128;

    /** The problems of the genesis block: exactly index 1, previous_hash "1", proof 100, no transactions. */
    public List<String> genesisProblems(JsonNode block) {
        if (!block.isObject() || !Set.copyOf(block.propertyNames()).equals(KEYS)
                || !block.get("index").isIntegralNumber() || block.get("index").longValue() != 1
                || !"1".equals(block.get("previous_hash").stringValue(null))
                || !block.get("proof").isIntegralNumber() || block.get("proof").longValue() != 100
                || !block.get("transactions").isArray() || !block.get("transactions").isEmpty()
                || timestampProblem(block.get("timestamp")) != null) {
            return List.of("block #1: a genesis block is exactly {\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, "
                    + "\"timestamp\": <seconds>, \"transactions\": []}");
        }
        return List.of();
    }

    /** The first problem of a block after the genesis block, or null when its shape is right. */
    public String problem(JsonNode block) {
        if (!block.isObject()) {
            return "not a JSON object";
        }
        Set<String> keys = Set.copyOf(block.propertyNames());
        if (!keys.equals(KEYS) && !keys.equals(BINARY_KEYS)) {
            return "a block has exactly the keys " + KEYS + " (and rule, zero_bits when binary)";
        }
        if (!block.get("index").isIntegralNumber() || !block.get("index").canConvertToLong()) {
            return "index must be an integer";
        }
        String previousHash = block.get("previous_hash").stringValue(null);
        if (previousHash == null || !previousHash.matches("[0-9a-f]{64}")) {
            return "previous_hash must be 64 lowercase hex digits";
        }
        JsonNode proof = block.get("proof");
        if (!proof.isIntegralNumber() || proof.bigIntegerValue().toString().length() > maxProofDigits) {
            return "proof must be an integer of at most " + maxProofDigits + " characters";
        }
        String timestamp = timestampProblem(block.get("timestamp"));
        if (timestamp != null) {
            return timestamp;
        }
        JsonNode transactions = block.get("transactions");
        if (!transactions.isArray() || transactions.size() > maxTransactions) {
            return "transactions must be an array of at most " + maxTransactions;
        }
        for (JsonNode transaction : transactions.values()) {
            String problem = transactionProblem(transaction);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String transactionProblem(JsonNode tx) {
        if (!tx.isObject() || !SIGNED_TRANSACTION_KEYS.containsAll(Set.copyOf(tx.propertyNames()))
                || !Set.copyOf(tx.propertyNames()).containsAll(TRANSACTION_KEYS)) {
            return "a transaction has the keys " + TRANSACTION_KEYS + " (and nonce, signature when signed)";
        }
        for (String party : List.of("sender", "recipient")) {
            String id = tx.get(party).stringValue(null);
            if (id == null || id.isEmpty() || id.length() > maxIdLength) {
                return "a transaction's " + party + " must be a string of 1 to " + maxIdLength + " characters";
            }
        }
        JsonNode amount = tx.get("amount");
        if (!amount.isNumber() || (amount.isIntegralNumber() ? amount.bigIntegerValue().signum() < 0
                : !(Double.isFinite(amount.doubleValue()) && amount.doubleValue() >= 0))) {
            return "a transaction's amount must be a finite number, not negative";
        }
        if (tx.has("nonce") && !tx.get("nonce").isIntegralNumber()) {
            return "a transaction's nonce must be an integer";
        }
        if (tx.has("signature") && (!tx.get("signature").isString()
                || tx.get("signature").stringValue().length() > MAX_SIGNATURE_LENGTH)) {
            return "a transaction's signature must be a string of at most " + MAX_SIGNATURE_LENGTH + " characters";
        }
        return null;
    }

    private static String timestampProblem(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isNumber() || !Double.isFinite(timestamp.doubleValue())
                || timestamp.doubleValue() < 0 || timestamp.doubleValue() > MAX_TIMESTAMP) {
            return "timestamp must be seconds since the epoch, between 0 and " + (long) MAX_TIMESTAMP;
        }
        return null;
    }
}
