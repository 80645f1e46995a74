package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.util.Objects;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transfer recorded in a block.
 *
 * @param amount a {@link BigInteger} or a finite {@link Double}, kept as sent so the block string is what Python
 *               would write for the same value ({@code 1} and {@code 1.0} differ there)
 */
public record Transaction(String sender, String recipient, Number amount) {

    /** The sender of mining rewards. */
    public static final String COINBASE = "0";

    public Transaction {
        Objects.requireNonNull(sender);
        Objects.requireNonNull(recipient);
        if (!(amount instanceof BigInteger) && !(amount instanceof Double d && Double.isFinite(d))) {
            throw new IllegalArgumentException("amount must be an integer or a finite double: " + amount);
        }
    }

    /** The one-coin reward for the miner of a block, recorded with the id exactly as sent. */
    public static Transaction reward(String minerId) {
        return new Transaction(COINBASE, minerId, BigInteger.ONE);
    }

    ObjectNode toJson(JsonNodeFactory nodes) {
        ObjectNode json = nodes.objectNode();
        json.put("sender", sender);
        json.put("recipient", recipient);
        json.set("amount", amount instanceof BigInteger i ? nodes.numberNode(i) : nodes.numberNode(amount.doubleValue()));
        return json;
    }
}
