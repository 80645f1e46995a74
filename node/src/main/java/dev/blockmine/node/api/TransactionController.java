package dev.blockmine.node.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Queued;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.ledger.Ledger;
import dev.blockmine.pow.CanonicalJson;
import io.swagger.v3.oas.annotations.Operation;

/** {@code POST /transactions/new}: queues a transfer for the next block, if the ledger's mode allows it. */
@RestController
class TransactionController {

    private final Chain chain;
    private final NodeProperties properties;
    private final Ledger ledger;

    TransactionController(Chain chain, NodeProperties properties, Ledger ledger) {
        this.chain = chain;
        this.ledger = ledger;
        this.properties = properties;
    }

    @Operation(summary = "Queue a spend for the next block: 201, or 400 (balance, amount, signature, nonce), 429 when"
            + " the queue is full")
    @JsonPost("/transactions/new")
    ResponseEntity<String> newTransaction(@RequestBody TransactionRequest spend) {
        Transaction transaction = spend.transaction();
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
}
