package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One block, as the course defines it.
 *
 * @param timestamp seconds since the epoch with microseconds, like Python's {@code time()}
 * @param proof the proof that was valid for the previous block
 * @param previousHash lowercase hex sha256 of the previous block's block string
 * @param provenBy the rule the proof meets; binary blocks add {@code "rule"} and {@code "zero_bits"} to their JSON
 */
public record Block(long index, double timestamp, List<Transaction> transactions, BigInteger proof, String previousHash,
        ProvenBy provenBy) {

    public Block {
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(provenBy);
    }

    /** A block proven by the course's HTTP rule. */
    public Block(long index, double timestamp, List<Transaction> transactions, BigInteger proof, String previousHash) {
        this(index, timestamp, transactions, proof, previousHash, ProvenBy.HTTP);
    }

    /** Python's {@code time()} on this clock: seconds since the epoch, to the microsecond. */
    public static double pythonTime(Clock clock) {
        Instant instant = clock.instant();
        return instant.getEpochSecond() + (instant.getNano() / 1_000) / 1e6;
    }

    /** The canonical JSON of transactions as a job commits to them (the reward excluded). */
    public static String transactionsJson(List<Transaction> transactions) {
        ArrayNode txs = JsonNodeFactory.instance.arrayNode();
        transactions.forEach(tx -> txs.add(tx.toJson(JsonNodeFactory.instance)));
        return CanonicalJson.encode(txs);
    }

    private static final Set<String> BLOCK_KEYS = Set.of("index", "previous_hash", "proof", "timestamp", "transactions");
    private static final Set<String> BINARY_BLOCK_KEYS = Set.of("index", "previous_hash", "proof", "timestamp", "transactions",
            "rule", "zero_bits");

    /**
     * A block read back from JSON (a peer's chain, the journal). Only what this node itself would write is taken,
     * so that the block string stays exactly what the sender hashed.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Block fromJson(JsonNode json) {
        Set<String> keys = json.isObject() ? Set.copyOf(json.propertyNames()) : Set.of();
        if (!keys.equals(BLOCK_KEYS) && !keys.equals(BINARY_BLOCK_KEYS)) {
            throw new IllegalArgumentException("a block has exactly the keys " + BLOCK_KEYS + " (and rule, zero_bits when binary)");
        }
        ProvenBy provenBy = ProvenBy.HTTP;
        if (keys.equals(BINARY_BLOCK_KEYS)) {
            if (!"binary".equals(json.get("rule").stringValue(null)) || !json.get("zero_bits").isIntegralNumber()
                    || json.get("zero_bits").longValue() < 0 || json.get("zero_bits").longValue() > 255) {
                throw new IllegalArgumentException("a binary block has \"rule\": \"binary\" and zero_bits 0..255");
            }
            provenBy = new ProvenBy.Binary(json.get("zero_bits").intValue());
        }
        if (!json.get("index").isIntegralNumber() || !json.get("proof").isIntegralNumber()
                || !json.get("timestamp").isFloatingPointNumber() || !json.get("previous_hash").isString()
                || !json.get("transactions").isArray()) {
            throw new IllegalArgumentException("block fields of the wrong type in " + json);
        }
        List<Transaction> transactions = new ArrayList<>();
        for (JsonNode tx : json.get("transactions").values()) {
            transactions.add(Transaction.fromJson(tx));
        }
        return new Block(json.get("index").longValue(), json.get("timestamp").doubleValue(), transactions,
                json.get("proof").bigIntegerValue(), json.get("previous_hash").stringValue(), provenBy);
    }

    /** The block as the JSON object Python would hold; its canonical encoding is the block string. */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("index", index);
        json.put("timestamp", timestamp);
        ArrayNode txs = json.putArray("transactions");
        transactions.forEach(tx -> txs.add(tx.toJson(nodes)));
        json.put("proof", proof);
        json.put("previous_hash", previousHash);
        if (provenBy instanceof ProvenBy.Binary binary) {
            json.put("rule", "binary");
            json.put("zero_bits", binary.zeroBits());
        }
        return json;
    }
}
