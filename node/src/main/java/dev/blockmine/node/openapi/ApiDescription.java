package dev.blockmine.node.openapi;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). The controllers read their
 * bodies themselves (bounded, parsed as Python does), so what each endpoint takes is written here, with the same
 * examples as the .http files in {@code http/}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    /** What a POST takes: an example body, as in the .http files. */
    private static final Map<String, String> BODIES = Map.of(
            "/mine", "{\"proof\": 12345, \"id\": \"ana\"}",
            "/transactions/new", "{\"sender\": \"ana\", \"recipient\": \"bob\", \"amount\": 0.5}"
                    + "  (node.ledger=signed adds \"nonce\": 1 and \"signature\": \"<128 hex digits>\")",
            "/nodes/register", "{\"nodes\": [\"http://localhost:5001\"]}",
            "/blocks", "{\"index\": 2, \"previous_hash\": \"…\", \"proof\": 12345, \"timestamp\": 1700000000.5,"
                    + " \"transactions\": [{\"amount\": 1, \"recipient\": \"ana\", \"sender\": \"0\"}]}");

    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("/last_block", "The last block, wrapped as {\"last_block\": …} (node.last-block-shape)"),
            Map.entry("/chain", "The whole chain and its length, streamed; with from (and limit, 1 to 1000, default 500) a"
                    + " page of it: {\"chain\": [...], \"from\", \"length\"}, about 1 MB at most"),
            Map.entry("/blocks/{id}", "One block by its index or hash: {\"block\", \"hash\", \"index\"}; 404 when unknown"),
            Map.entry("/mine", "Submit a proof for the last block: 200 New Block Forged, 400 invalid, 409 too late"),
            Map.entry("/transactions/new", "Queue a spend for the next block: 201, or 400 (balance, amount, signature,"
                    + " nonce), 429 when the queue is full"),
            Map.entry("/balance", "What an id holds: {\"available\", \"balance\", \"id\"}"),
            Map.entry("/nonce", "The last nonce an address signed with, chain and pending: {\"id\", \"nonce\"}"),
            Map.entry("/nodes/register", "Register peers"),
            Map.entry("/nodes", "List peers (GET) or remove one (DELETE ?url=)"),
            Map.entry("/nodes/resolve", "Resolve with peers by the gap (only the blocks after where the chains meet are"
                    + " read): the longest valid chain wins; rejected says why each failing peer failed"),
            Map.entry("/blocks", "A block a peer announces"),
            Map.entry("/events", "New tips as server-sent events: the current tip first, then one \"tip\" event per new tip"
                    + " (id = index, data {\"block\", \"hash\", \"index\"}); 503 past node.events.max-subscribers"),
            Map.entry("/dashboard/snapshot", "The dashboard's figures, once"),
            Map.entry("/dashboard/events", "The dashboard's figures as server-sent events"),
            Map.entry("/blocks/{id}/explained", "One block by index or hash as the explorer shows it, and why it is valid:"
                    + " the previous block's string, the proof (a string), the digest and the zeros required; for binary"
                    + " blocks the job data and the nonce's bytes"),
            Map.entry("/accounts", "An account (id=ID): balance as GET /balance, blocks won, transactions received and sent,"
                    + " and a page of its history newest first (page from 1, limit 1 to 100, default 20); nonce when signed"),
            Map.entry("/pending", "The pending pool, oldest first: {\"count\", \"next_index\", \"transactions\"}"),
            Map.entry("/explorer", "The explorer's page: the latest blocks live, the pending pool, search"),
            Map.entry("/explorer/", "The explorer's page (as /explorer)"),
            Map.entry("/explorer/blocks/{index}", "The explorer's page of one block, and why it is valid; try a proof"),
            Map.entry("/explorer/accounts/{id}", "The explorer's page of one account: balance and history"),
            Map.entry("/explorer/accounts", "The explorer's page of one account named by ?id= (any id, slashes too)"));

    @Bean
    OpenApiCustomizer blockmineApi() {
        return api -> {
            api.info(new Info().title("blockmine node").version("0.1.0").description("The course's blockchain API, with "
                    + "balances, signed spends and peers. Every answer is JSON with sorted keys; every failure has a"
                    + " \"message\"."));
            api.getPaths().forEach((path, item) -> describe(path, item));
        };
    }

    private static void describe(String path, PathItem item) {
        for (Operation operation : item.readOperations()) {
            operation.summary(SUMMARIES.get(path));
        }
        String body = BODIES.get(path);
        if (body != null && item.getPost() != null) {
            item.getPost().requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                    new MediaType().schema(new ObjectSchema()).example(body))));
        }
    }
}
