package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.util.Optional;

import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.CanonicalJson;

/** The checks one spend must pass under a ledger mode: alone (its amount), then against what its sender holds. */
final class SpendRule {

    private final LedgerMode mode;

    SpendRule(LedgerMode mode) {
        this.mode = mode;
    }

    /** Why the spend is wrong whoever sends it, or empty. Rewards are the chain check's, not a spend. */
    Optional<String> problemAlone(Transaction spend) {
        if (mode == LedgerMode.OPEN) {
            return Optional.empty();
        }
        if (Transaction.COINBASE.equals(spend.sender())) {
            return Optional.of("sender \"0\" is reserved for mining rewards");
        }
        return Amounts.problem(spend.amount());
    }

    /** Why the sender cannot make the spend with {@code available} coins, or empty. */
    Optional<String> problemOn(BigDecimal available, Transaction spend) {
        if (mode == LedgerMode.OPEN || Amounts.exact(spend.amount()).compareTo(available) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Insufficient balance: " + CanonicalJson.quote(spend.sender()) + " has " + Amounts.text(available.max(BigDecimal.ZERO))
                + " available, the spend is " + Amounts.text(Amounts.exact(spend.amount())));
    }
}
