package dev.blockmine.node.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.SpendSignature;

/**
 * The checks one spend must pass under a ledger mode: alone (its amount; under {@code signed}, its address and
 * signature), then against what its sender holds (the coins, and under {@code signed} the last nonce).
 */
final class SpendRule {

    /** Nonces stay where every JSON client counts exactly. */
    static final long MAX_NONCE = 1L << 53;

    private final LedgerMode mode;

    SpendRule(LedgerMode mode) {
        this.mode = mode;
    }

    /** Why the spend is wrong whoever sends it, or empty. Rewards are the block validation's, not a spend. */
    Optional<String> problemAlone(Transaction spend) {
        if (mode == LedgerMode.OPEN) {
            return Optional.empty();
        }
        if (Transaction.COINBASE.equals(spend.sender())) {
            return Optional.of("sender \"0\" is reserved for mining rewards");
        }
        Optional<String> amount = Amounts.problem(spend.amount());
        if (amount.isPresent() || mode != LedgerMode.SIGNED) {
            return amount;
        }
        if (!SpendSignature.ADDRESS.matcher(spend.sender()).matches()) {
            return Optional.of("sender must be an address: the lowercase hex of a raw 32-byte Ed25519 public key"
                    + " (node.ledger=signed)");
        }
        Optional<String> senderKey = SpendSignature.keyProblem(spend.sender());
        if (senderKey.isPresent()) {
            return Optional.of("sender " + spend.sender() + " cannot sign: " + senderKey.get() + " (node.ledger=signed)");
        }
        if (SpendSignature.ADDRESS.matcher(spend.recipient()).matches()) { // coins sent to a weak key are anyone's
            Optional<String> recipientKey = SpendSignature.keyProblem(spend.recipient());
            if (recipientKey.isPresent()) {
                return Optional.of("recipient " + spend.recipient() + " cannot own coins: " + recipientKey.get()
                        + " (node.ledger=signed)");
            }
        }
        Transaction.Signed signed = spend.signed();
        if (signed == null) {
            return Optional.of("the spend must be signed: nonce and signature are required (node.ledger=signed)");
        }
        if (signed.nonce() < 1 || signed.nonce() > MAX_NONCE) {
            return Optional.of("nonce must be an integer from 1 to 2^53");
        }
        byte[] message = SpendSignature.message(spend.amount(), signed.nonce(), spend.recipient(), spend.sender());
        if (!SpendSignature.verify(spend.sender(), message, signed.signature())) {
            return Optional.of("signature does not verify: it must be the sender's Ed25519 signature (128 lowercase hex"
                    + " digits) of " + new String(message, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /**
     * Why the sender cannot make the spend with {@code available} coins after signing with {@code lastNonce}, or
     * empty.
     */
    Optional<String> problemOn(BigDecimal available, long lastNonce, Transaction spend) {
        if (mode == LedgerMode.OPEN) {
            return Optional.empty();
        }
        if (mode == LedgerMode.SIGNED && spend.signed() != null && spend.signed().nonce() <= lastNonce) {
            return Optional.of("nonce " + spend.signed().nonce() + " was used: it must be greater than " + lastNonce
                    + ", the sender's last nonce (pending spends included)");
        }
        if (Amounts.exact(spend.amount()).compareTo(available) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Insufficient balance: " + CanonicalJson.quote(spend.sender()) + " has "
                + Amounts.text(available.max(BigDecimal.ZERO)) + " available, the spend is "
                + Amounts.text(Amounts.exact(spend.amount())));
    }
}
