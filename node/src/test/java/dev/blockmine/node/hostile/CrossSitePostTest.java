package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * Attack 10: POSTs a page on another origin can make through a visitor's browser with a no-cors {@code fetch}: no
 * Content-Type, text/plain, a form. Each is refused 415 with a JSON message before its body is looked at: no peer is
 * registered, no block forged or announced, no spend queued. The same bodies as {@code application/json} (with a
 * charset, as Python's {@code requests} and browsers send it) are taken.
 */
class CrossSitePostTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What a no-cors fetch may send: a "simple" request in the Fetch standard's terms, or none at all. */
    private static final List<String> CROSS_SITE = Arrays.asList(null, "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain; x=application/json");

    @Test
    void postsABrowserCouldSendFromAnotherOriginChangeNothing() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.ledger=open"); FakePeer peer = new FakePeer();
                Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            String genesis = node.chain().tip().blockString();
            BigInteger proof = Proofs.firstValid(genesis, Blocks.RULE, 0);
            String register = "{\"nodes\": [\"" + peer.url() + "\"]}";
            String mine = "{\"proof\": " + proof + ", \"id\": \"eve\"}";
            String spend = "{\"sender\": \"ana\", \"recipient\": \"eve\", \"amount\": 5}";
            String block = Blocks.after(genesis, "1700000001.5", "eve");

            for (String contentType : CROSS_SITE) {
                for (String[] post : new String[][] {{"/nodes/register", register}, {"/mine", mine},
                        {"/transactions/new", spend}, {"/blocks", block}}) {
                    HttpResponse<String> answer = post(node, post[0], post[1], contentType);
                    assertThat(answer.statusCode()).as(post[0] + " as " + contentType).isEqualTo(415);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/json"));
                    assertThat(CanonicalJson.parse(answer.body()).get("message").stringValue())
                            .startsWith("Content-Type must be application/json");
                }
            }
            assertThat(node.get("/nodes").get("nodes")).isEmpty();
            assertThat(node.chain().blocks()).hasSize(1);
            assertThat(node.get("/chain").toString()).doesNotContain("eve");
            assertThat(peer.chainRequests()).isZero();

            // the control: the same requests as the course's clients send them are taken
            assertThat(post(node, "/nodes/register", register, "application/json").statusCode()).isEqualTo(201);
            assertThat(post(node, "/transactions/new", spend, "application/json").statusCode()).isEqualTo(201);
            assertThat(post(node, "/mine", mine, "application/json; charset=utf-8").statusCode()).isEqualTo(200);
            assertThat(node.chain().blocks()).hasSize(2);
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
            assertThat(bystander.failures()).isEmpty();
        }
    }

    private static HttpResponse<String> post(RunningNode node, String path, String json, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
