package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.Transaction;

/**
 * What every id holds after some blocks: coins received minus coins sent, and the last nonce each signing sender
 * used. Built by applying transactions in chain order; a copy is taken before a snapshot is extended, so a
 * snapshot that was handed out never changes.
 */
final class Balances {

    private final Map<String, BigDecimal> coins;
    private final Map<String, Long> nonces;

    Balances() {
        this(new HashMap<>(), new HashMap<>());
    }

    private Balances(Map<String, BigDecimal> coins, Map<String, Long> nonces) {
        this.coins = coins;
        this.nonces = nonces;
    }

    Balances copy() {
        return new Balances(new HashMap<>(coins), new HashMap<>(nonces));
    }

    BigDecimal of(String id) {
        return coins.getOrDefault(id, BigDecimal.ZERO);
    }

    /** The last nonce {@code id} signed with, 0 before its first signed spend. */
    long lastNonce(String id) {
        return nonces.getOrDefault(id, 0L);
    }

    /** Moves the amount; rewards (sender "0") are new coins, taken from no one. */
    void apply(Transaction transaction) {
        BigDecimal amount = Amounts.exact(transaction.amount());
        if (!Transaction.COINBASE.equals(transaction.sender())) {
            coins.merge(transaction.sender(), amount.negate(), BigDecimal::add);
        }
        coins.merge(transaction.recipient(), amount, BigDecimal::add);
        if (transaction.signed() != null) {
            nonces.merge(transaction.sender(), transaction.signed().nonce(), Math::max);
        }
    }

    void apply(Block block) {
        block.transactions().forEach(this::apply);
    }
}
