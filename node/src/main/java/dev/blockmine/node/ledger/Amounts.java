package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Amounts as the ledger counts them. A transaction keeps its amount as sent (an integer, or a double as Python's
 * {@code json.loads} reads it); the ledger adds and subtracts their exact values, so no sum ever rounds and a balance
 * never goes negative by a rounding error.
 */
public final class Amounts {

    /** 2^53, in every mode ({@link BlockShape#MAX_AMOUNT}): above it doubles skip integers and balances overflow. */
    public static final BigDecimal MAX = new BigDecimal(BlockShape.MAX_AMOUNT);

    /** The smallest spend (as Bitcoin's smallest unit): smaller ones are dust that only fills blocks. */
    public static final BigDecimal DUST = new BigDecimal("0.00000001");

    private Amounts() {
    }

    /** The exact value of an amount (a double's exact binary value). */
    public static BigDecimal exact(Number amount) {
        return amount instanceof BigInteger integer ? new BigDecimal(integer) : new BigDecimal(amount.doubleValue());
    }

    /** Why an amount cannot be sent in any mode (negative, or above {@link #MAX}), or empty. */
    public static Optional<String> outOfRange(Number amount) {
        BigDecimal value = exact(amount);
        if (value.signum() < 0) {
            return Optional.of("amount must not be negative");
        }
        if (value.compareTo(MAX) > 0) {
            return Optional.of("amount must be at most 2^53 (" + BlockShape.MAX_AMOUNT + ")");
        }
        return Optional.empty();
    }

    /** Why an amount cannot be spent under a checking ledger, or empty. */
    public static Optional<String> problem(Number amount) {
        Optional<String> range = outOfRange(amount);
        if (range.isPresent()) {
            return range;
        }
        BigDecimal value = exact(amount);
        if (value.signum() <= 0) {
            return Optional.of("amount must be positive");
        }
        if (value.compareTo(DUST) < 0) {
            return Optional.of("amount must be at least 0.00000001 (smaller amounts are dust)");
        }
        return Optional.empty();
    }

    /**
     * A balance as a JSON number: an integer when it is whole, else the largest double not above it, so that a client
     * may always send exactly the amount it was shown.
     */
    public static JsonNode json(BigDecimal value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
            return nodes.numberNode(value.toBigIntegerExact());
        }
        double shown = value.doubleValue();
        if (Double.isInfinite(shown)) {
            return nodes.numberNode(value); // out of any chain's reach (amounts are bounded), but never an error
        }
        if (new BigDecimal(shown).compareTo(value) > 0) {
            shown = Math.nextDown(shown);
        }
        return nodes.numberNode(shown);
    }

    /** For messages: the value as {@link #json} writes it. */
    public static String text(BigDecimal value) {
        return CanonicalJson.encode(json(value));
    }
}
