package dev.blockmine.pow;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The shape every block must have, whatever brought it (a miner, a peer, the stored journal): exactly the block's
 * keys, fields of the right type and within limits, finite timestamps and amounts, and the course's genesis block.
 * Proofs, links and rewards are {@link ChainCheck}'s; balances are the node's ledger rules, checked apart.
 * <p>
 * Its limits are constants of the chain, measured in bytes of the block string (what every miner hashes and every
 * peer stores), never settings: a block one node forges is a block every other node accepts.
 */
public final class BlockShape {

    /** The chain's one shape. */
    public static final BlockShape CHAIN = new BlockShape();

    /**
     * Largest block string, in bytes (ASCII: {@code json.dumps} escapes everything else). 64 KiB holds over a
     * thousand ordinary spends; larger tips would slow every miner that hashes the block string whole (the course's
     * Python miners) and every proof check.
     */
    public static final int MAX_BLOCK_BYTES = 64 * 1024;

    /**
     * Longest sender, recipient or miner id, in bytes of the block string: a non-ASCII character counts as its
     * six-byte escape, a character outside the BMP as two of them.
     */
    public static final int MAX_ID_BYTES = 256;

    /** Longest proof, in characters of its decimal form. */
    public static final int MAX_PROOF_DIGITS = 1000;

    /**
     * Bytes of a block that its pending transactions may not fill: the block's other fields and its reward, whatever
     * the proof (up to {@link #MAX_PROOF_DIGITS} digits), the miner's id and the rule. About 1,530 are ever needed.
     */
    public static final int RESERVED_BYTES = 2048;

    /**
     * Largest JSON text of one block read from the network (a peer may indent it or send UTF-8 unescaped): well
     * above any block string of {@link #MAX_BLOCK_BYTES}, and a bound on what one block can cost to read.
     */
    public static final int MAX_BLOCK_READ_BYTES = 4 * MAX_BLOCK_BYTES;

    /**
     * Timestamps are seconds since the epoch, as Python's {@code time()}: between 1970 and 2286. Anything else
     * (±1e308, say) makes block times that no dashboard or client can compute with.
     */
    public static final double MAX_TIMESTAMP = 1e10;

    /**
     * The largest amount of any transaction, in every ledger mode (2^53, where doubles still count every integer):
     * sums of such amounts stay far inside a double's range, so any balance can be computed and shown.
     */
    public static final BigInteger MAX_AMOUNT = BigInteger.ONE.shiftLeft(53);

    private BlockShape() {
    }

    /** Bytes {@code id} takes in a block string, between its quotes. */
    public static int idBytes(String id) {
        return CanonicalJson.quote(id).length() - 2;
    }

    /** Why {@code id} cannot be a sender, recipient or miner, or null when it can. */
    public static String idProblem(String id) {
        if (id == null || id.isEmpty() || idBytes(id) > MAX_ID_BYTES) {
            return "must be a non-empty string of at most " + MAX_ID_BYTES + " bytes as JSON writes it (a non-ASCII"
                    + " character counts as its 6-byte \\uXXXX escape)";
        }
        return null;
    }

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
        if (!proof.isIntegralNumber() || proof.bigIntegerValue().toString().length() > MAX_PROOF_DIGITS) {
            return "proof must be an integer of at most " + MAX_PROOF_DIGITS + " characters";
        }
        String timestamp = timestampProblem(block.get("timestamp"));
        if (timestamp != null) {
            return timestamp;
        }
        JsonNode transactions = block.get("transactions");
        if (!transactions.isArray() || transactions.size() > MAX_BLOCK_BYTES / 32) {
            return "transactions must be an array (of at most " + MAX_BLOCK_BYTES + " bytes in all)";
        }
        for (JsonNode transaction : transactions.values()) {
            String problem = transactionProblem(transaction);
            if (problem != null) {
                return problem;
            }
        }
        int bytes = CanonicalJson.encode(block).length();
        if (bytes > MAX_BLOCK_BYTES) {
            return "the block string is " + bytes + " bytes, more than the chain's " + MAX_BLOCK_BYTES;
        }
        return null;
    }

    private String transactionProblem(JsonNode tx) {
        if (!tx.isObject() || !SIGNED_TRANSACTION_KEYS.containsAll(Set.copyOf(tx.propertyNames()))
                || !Set.copyOf(tx.propertyNames()).containsAll(TRANSACTION_KEYS)) {
            return "a transaction has the keys " + TRANSACTION_KEYS + " (and nonce, signature when signed)";
        }
        for (String party : List.of("sender", "recipient")) {
            String problem = idProblem(tx.get(party).stringValue(null));
            if (problem != null) {
                return "a transaction's " + party + " " + problem;
            }
        }
        JsonNode amount = tx.get("amount");
        if (!amount.isNumber() || (amount.isIntegralNumber()
                ? amount.bigIntegerValue().signum() < 0 || amount.bigIntegerValue().compareTo(MAX_AMOUNT) > 0
                : !(amount.doubleValue() >= 0 && amount.doubleValue() <= MAX_AMOUNT.doubleValue()))) {
            return "a transaction's amount must be a number from 0 to 2^53 (" + MAX_AMOUNT + ")";
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
