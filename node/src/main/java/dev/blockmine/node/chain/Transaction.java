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
 * @param signed the sender's nonce and signature of a signed spend (node.ledger=signed), or null
 */
public record Transaction(String sender, String recipient, Number amount, Signed signed) {

    /** What makes a spend the sender's: a nonce above its last, and its Ed25519 signature (lowercase hex). */
    public record Signed(long nonce, String signature) {

        public Signed {
            Objects.requireNonNull(signature);
        }
    }

    /** The sender of mining rewards. */
    public static final String COINBASE = "0";

    public Transaction {
        Objects.requireNonNull(sender);
        Objects.requireNonNull(recipient);
        if (!(amount instanceof BigInteger) && !(amount instanceof Double d && Double.isFinite(d))) {
            throw new IllegalArgumentException("amount must be an integer or a finite double: " + amount);
        }
    }

    /** A transfer without a signature. */
    public Transaction(String sender, String recipient, Number amount) {
        this(sender, recipient, amount, null);
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
        if (signed != null) {
            json.put("nonce", signed.nonce());
            json.put("signature", signed.signature());
        }
        return json;
    }
}
