package dev.blockmine.node.api;

import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.ledger.Amounts;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /transactions/new}; {@code nonce} and {@code signature} are read under
 * {@code node.ledger=signed} only (the other modes ignore them, as they always have).
 */
record TransactionRequest(
        @Schema(description = "who pays: an id, or under node.ledger=signed an address (64 hex digits: an Ed25519"
                + " public key); \"0\" is the mining reward's", example = "ana", requiredMode = RequiredMode.REQUIRED)
        String sender,
        @Schema(example = "bob", requiredMode = RequiredMode.REQUIRED) String recipient,
        @Schema(description = "an integer or a float, positive, finite, at most 2^53", example = "0.5",
                requiredMode = RequiredMode.REQUIRED) Number amount,
        @Schema(description = "node.ledger=signed: one more than the sender's last (GET /nonce), 1 to 2^53", example = "1")
        Long nonce,
        @Schema(description = "node.ledger=signed: 128 lowercase hex digits, Ed25519 over json.dumps({\"amount\","
                + " \"nonce\", \"recipient\", \"sender\"}, sort_keys=True)") String signature) {

    /** @param signed whether the ledger wants signed spends ({@code node.ledger=signed}) */
    static TransactionRequest from(JsonNode body, boolean signed) {
        if (!body.hasNonNull("sender") || !body.hasNonNull("recipient") || !body.hasNonNull("amount")) {
            throw ApiException.badRequest("Missing values: sender, recipient and amount are required");
        }
        String sender = Fields.requireId("sender", body.get("sender"));
        String recipient = Fields.requireId("recipient", body.get("recipient"));
        if (Transaction.COINBASE.equals(sender)) {
            throw ApiException.badRequest("sender \"0\" is reserved for mining rewards");
        }
        Number amount = amount(body.get("amount"));
        if (!signed) {
            return new TransactionRequest(sender, recipient, amount, null, null);
        }
        if (!body.hasNonNull("nonce") || !body.hasNonNull("signature")) {
            throw ApiException.badRequest("Missing values: the spend must be signed: nonce and signature are required"
                    + " (node.ledger=signed)");
        }
        JsonNode nonce = body.get("nonce");
        if (!nonce.isIntegralNumber() || !nonce.canConvertToLong()) {
            throw ApiException.badRequest("nonce must be an integer from 1 to 2^53, was " + Fields.typeOf(nonce));
        }
        JsonNode signature = body.get("signature");
        if (!signature.isString() || signature.stringValue().length() > 128) {
            throw ApiException.badRequest("signature must be 128 lowercase hex digits (a 64-byte Ed25519 signature)");
        }
        return new TransactionRequest(sender, recipient, amount, nonce.longValue(), signature.stringValue());
    }

    Transaction transaction() {
        return new Transaction(sender, recipient, amount, nonce == null ? null : new Transaction.Signed(nonce, signature));
    }

    /** An amount within the range of every mode ({@link Amounts#outOfRange}): a balance can always be shown. */
    private static Number amount(JsonNode amount) {
        if (!amount.isNumber()) {
            throw ApiException.badRequest("amount must be a number, was " + Fields.typeOf(amount));
        }
        if (!amount.isIntegralNumber() && !Double.isFinite(amount.doubleValue())) {
            throw ApiException.badRequest("amount must be a finite number");
        }
        Number value = amount.isIntegralNumber() ? amount.bigIntegerValue() : (Number) amount.doubleValue();
        Amounts.outOfRange(value).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return value;
    }
}
