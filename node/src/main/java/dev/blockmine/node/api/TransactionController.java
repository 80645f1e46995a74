package dev.blockmine.node.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Queued;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.ledger.Amounts;
import dev.blockmine.node.ledger.Ledger;
import dev.blockmine.node.ledger.LedgerMode;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/** {@code POST /transactions/new}: queues a transfer for the next block, if the ledger's mode allows it. */
@RestController
class TransactionController {

    private final Chain chain;
    private final JsonRequests requests;
    private final NodeProperties properties;
    private final Ledger ledger;

    TransactionController(Chain chain, JsonRequests requests, NodeProperties properties, Ledger ledger) {
        this.chain = chain;
        this.ledger = ledger;
        this.requests = requests;
        this.properties = properties;
    }

    @PostMapping("/transactions/new")
    ResponseEntity<String> newTransaction(HttpServletRequest request) {
        JsonNode body = requests.readObject(request);
        if (!body.hasNonNull("sender") || !body.hasNonNull("recipient") || !body.hasNonNull("amount")) {
            throw ApiException.badRequest("Missing values: sender, recipient and amount are required");
        }
        String sender = Fields.requireId("sender", body.get("sender"));
        String recipient = Fields.requireId("recipient", body.get("recipient"));
        if (Transaction.COINBASE.equals(sender)) {
            throw ApiException.badRequest("sender \"0\" is reserved for mining rewards");
        }
        Transaction transaction = new Transaction(sender, recipient, amount(body.get("amount")),
                ledger.mode() == LedgerMode.SIGNED ? signed(body) : null);
        ledger.problemAlone(transaction).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return switch (chain.addTransaction(transaction)) {
            case Queued.Accepted(long index) ->
                    JsonResponses.message(HttpStatus.CREATED, "Transaction will be added to Block " + index);
            case Queued.Full(int max) -> throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many pending transactions (" + max + "): wait for the next block");
            case Queued.SenderFull(String who, int max) -> throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many pending transactions from " + CanonicalJson.quote(who) + " (" + max + " per sender, a fair share of the "
                            + properties.maxPendingTransactions() + "): wait for the next block");
            case Queued.Behind() -> throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The replica is catching up with the shared chain; nothing was queued. Try again shortly.");
            case Queued.Refused(String message) -> throw ApiException.badRequest(message);
        };
    }

    /** The nonce and signature of a signed spend; other modes ignore them. */
    private static Transaction.Signed signed(JsonNode body) {
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
        return new Transaction.Signed(nonce.longValue(), signature.stringValue());
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
