package dev.blockmine.node.explorer;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.blockmine.node.api.ApiException;
import dev.blockmine.node.api.RequestParameters;
import dev.blockmine.node.chain.BlockList;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The explorer: its pages (one static page, static/explorer.html, that reads the path it was opened at) and the JSON
 * behind them. Every answer reads a block or a few by index, the account index and the pending pool: never the chain.
 */
@RestController
class ExplorerController {

    private static final Resource PAGE = new ClassPathResource("static/explorer.html");

    private final Chain chain;
    private final BlockExplanation explanation;
    private final AccountHistory history;

    ExplorerController(Chain chain, BlockExplanation explanation, AccountHistory history) {
        this.chain = chain;
        this.explanation = explanation;
        this.history = history;
    }

    @Operation(summary = "The explorer's page (one page, that reads the path it was opened at): the latest blocks"
            + " live, the pending pool and search; a block and why it is valid; an account (by path, or ?id= for any id)")
    @GetMapping({"/explorer", "/explorer/", "/explorer/blocks/{index}", "/explorer/accounts/{id}", "/explorer/accounts"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** One block by index or hash, with why it is valid (see {@link BlockExplanation}). */
    @Operation(summary = "One block by index or hash as the explorer shows it, and why it is valid: the"
            + " previous block's string, the proof (a string), the digest and the zeros required; for binary blocks the job"
            + " data and the nonce's bytes")
    @GetMapping("/blocks/{id}/explained")
    ResponseEntity<String> block(@PathVariable("id") String id) {
        BlockList blocks = chain.blocks();
        SealedBlock block = RequestParameters.block(id, chain, blocks);
        return json(explanation.of(block, blocks));
    }

    /** An account: balance, counts, and a page of its history, newest first. */
    @Operation(summary = "An account (id=ID): balance as GET /balance, blocks won, transactions received and"
            + " sent, and a page of its history newest first (page from 1, limit 1 to 100, default 20); nonce when signed")
    @GetMapping("/accounts")
    ResponseEntity<String> account(@RequestParam(name = "id", required = false) String id,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "limit", required = false) String limit) {
        if (BlockShape.idProblem(id) != null) {
            throw ApiException.badRequest("id is required: GET /accounts?id=ID, at most " + BlockShape.MAX_ID_BYTES
                    + " bytes as JSON writes it");
        }
        int number = page == null ? 1 : (int) RequestParameters.integer("page", page, 1, Integer.MAX_VALUE);
        int size = limit == null ? AccountHistory.DEFAULT_PAGE_BLOCKS
                : (int) RequestParameters.integer("limit", limit, 1, AccountHistory.MAX_PAGE_BLOCKS);
        return json(history.of(id, number, size));
    }

    /** The pending pool, oldest first: the transactions the next blocks take. */
    @Operation(summary = "The pending pool, oldest first: {\"count\", \"next_index\", \"transactions\"}")
    @GetMapping("/pending")
    ResponseEntity<String> pending() {
        List<Transaction> pending = chain.pending();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("count", pending.size());
        json.put("next_index", chain.tip().index() + 1);
        ArrayNode transactions = json.putArray("transactions");
        for (Transaction tx : pending) {
            JsonNode parsed = CanonicalJson.parse(tx.canonicalJson());
            transactions.add(parsed);
        }
        return json(json);
    }

    private static ResponseEntity<String> json(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CanonicalJson.encode(body));
    }

}
