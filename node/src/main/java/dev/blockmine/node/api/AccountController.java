package dev.blockmine.node.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.ledger.Accounts;
import dev.blockmine.node.ledger.Amounts;
import dev.blockmine.pow.BlockShape;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /balance?id=ID}: what an id holds in the chain, and what it may still spend; {@code GET /nonce?id=ID}. */
@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "What an id holds: {\"available\", \"balance\", \"id\"}")
    @GetMapping("/balance")
    ResponseEntity<String> balance(@RequestParam(name = "id", required = false) String id) {
        requireId("balance", id);
        Accounts.Account account = accounts.of(id);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", account.id());
        body.set("balance", Amounts.json(account.balance()));
        body.set("available", Amounts.json(account.available()));
        return JsonResponses.json(HttpStatus.OK, body);
    }

    /** The last nonce an address signed with, in the chain or pending (0 for none): a wallet signs with one more. */
    @Operation(summary = "The last nonce an address signed with, chain and pending: {\"id\", \"nonce\"}")
    @GetMapping("/nonce")
    ResponseEntity<String> nonce(@RequestParam(name = "id", required = false) String id) {
        requireId("nonce", id);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", id);
        body.put("nonce", accounts.lastNonce(id));
        return JsonResponses.json(HttpStatus.OK, body);
    }

    private static void requireId(String path, String id) {
        if (BlockShape.idProblem(id) != null) {
            throw ApiException.badRequest("id is required: GET /" + path + "?id=ID, at most " + BlockShape.MAX_ID_BYTES
                    + " bytes as JSON writes it");
        }
    }
}
