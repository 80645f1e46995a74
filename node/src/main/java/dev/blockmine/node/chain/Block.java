package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import dev.blockmine.pow.CanonicalJson;
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

    /** The canonical JSON of transactions as a job commits to them (the reward excluded). */
    public static String transactionsJson(List<Transaction> transactions) {
        ArrayNode txs = JsonNodeFactory.instance.arrayNode();
        transactions.forEach(tx -> txs.add(tx.toJson(JsonNodeFactory.instance)));
        return CanonicalJson.encode(txs);
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
