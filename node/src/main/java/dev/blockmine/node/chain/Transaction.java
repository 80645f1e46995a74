package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Set;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
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

    private static final Set<String> KEYS = Set.of("amount", "recipient", "sender");
    private static final Set<String> SIGNED_KEYS = Set.of("amount", "nonce", "recipient", "sender", "signature");

    /**
     * A transaction read back from JSON (in a block, or waiting in a shared pool), exactly as this node writes it.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Transaction fromJson(JsonNode tx) {
        Set<String> keys = tx.isObject() ? Set.copyOf(tx.propertyNames()) : Set.of();
        boolean signed = keys.equals(SIGNED_KEYS);
        if (!(signed || keys.equals(KEYS)) || !tx.get("sender").isString()
                || !tx.get("recipient").isString() || !tx.get("amount").isNumber()
                || signed && (!tx.get("nonce").isIntegralNumber() || !tx.get("nonce").canConvertToLong()
                        || !tx.get("signature").isString())) {
            throw new IllegalArgumentException("not a transaction: " + tx);
        }
        JsonNode amount = tx.get("amount");
        return new Transaction(tx.get("sender").stringValue(), tx.get("recipient").stringValue(),
                amount.isIntegralNumber() ? amount.bigIntegerValue() : (Number) amount.doubleValue(),
                signed ? new Signed(tx.get("nonce").longValue(), tx.get("signature").stringValue()) : null);
    }

    /** Its canonical JSON, exactly as a block string holds it. */
    public String canonicalJson() {
        return CanonicalJson.encode(toJson(JsonNodeFactory.instance));
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
