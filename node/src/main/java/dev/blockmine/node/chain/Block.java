package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One block, as the course defines it.
 *
 * @param timestamp seconds since the epoch with microseconds, like Python's {@code time()}
 * @param proof the proof that was valid for the previous block
 * @param previousHash lowercase hex sha256 of the previous block's block string
 */
public record Block(long index, double timestamp, List<Transaction> transactions, BigInteger proof, String previousHash) {

    public Block {
        transactions = List.copyOf(transactions);
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
        return json;
    }
}
