package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** The calls the ledger tests make, through MockMvc or real HTTP, on a node with 3 hex zeros. */
public record LedgerCalls(MockMvc mvc, Chain chain) {

    private static final ProofRule RULE = new ProofRule(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** {@code GET path?id=ID}, expecting 200. */
    public JsonNode get(String path, String id) throws Exception {
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .param("id", id)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return CanonicalJson.parse(result.getResponse().getContentAsString());
    }

    /** Posts a transaction, expecting {@code status}; returns the answer. */
    public JsonNode send(String body, int status) throws Exception {
        MvcResult result = mvc.perform(post("/transactions/new").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return CanonicalJson.parse(result.getResponse().getContentAsString());
    }

    /** Forges the next block for {@code id} with {@code POST /mine}. */
    public void mine(String id) throws Exception {
        MvcResult result = mvc.perform(post("/mine").contentType(MediaType.APPLICATION_JSON).content(mineBody(chain, id)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
    }

    /** The same over real HTTP, for a node on {@code port}. */
    public static void mine(int port, Chain chain, String id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mine"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(mineBody(chain, id)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String mineBody(Chain chain, String id) {
        String proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0).toString();
        return "{\"proof\": " + proof + ", \"id\": " + CanonicalJson.quote(id) + "}";
    }
}
