package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Requests broken at every level, on raw sockets: Tomcat's own refusals (a request line or header it cannot parse,
 * an unknown protocol version, headers over the limit, a URI it will not map) as well as Spring's (unknown path,
 * wrong method, unknown method) and ours (oversize bodies). Every answer is a JSON object with a {@code message},
 * never an HTML page, and none changes the chain or stops a bystander being served.
 */
class MalformedRequestTest {

    private record Case(String name, String request, int status) {
    }

    private static final String CLOSE = "Host: localhost\r\nConnection: close\r\n";

    private static final List<Case> CASES = List.of(
            new Case("garbage request line", "GARBAGE\r\n\r\n", 400),
            new Case("control character in the request line", "GET /last\u0001block HTTP/1.1\r\n" + CLOSE + "\r\n", 400),
            new Case("header line without a colon", "GET /last_block HTTP/1.1\r\n" + CLOSE + "No colon here\r\n\r\n", 400),
            new Case("headers over the limit", "GET /last_block HTTP/1.1\r\n" + CLOSE + "X-Big: " + "a".repeat(16 * 1024)
                    + "\r\n\r\n", 400),
            new Case("no Host in HTTP/1.1", "GET /last_block HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
            new Case("bad Content-Length", "POST /mine HTTP/1.1\r\n" + CLOSE + "Content-Length: abc\r\n\r\n", 400),
            new Case("encoded NUL in the path", "GET /last%00block HTTP/1.1\r\n" + CLOSE + "\r\n", 400),
            new Case("path escaping the root", "GET /../../etc/passwd HTTP/1.1\r\n" + CLOSE + "\r\n", 400),
            new Case("HTTP/3.0 on a 1.1 connector", "GET /last_block HTTP/3.0\r\n" + CLOSE + "\r\n", 505),
            new Case("unknown method", "BREW /last_block HTTP/1.1\r\n" + CLOSE + "\r\n", 405),
            new Case("TRACE", "TRACE /last_block HTTP/1.1\r\n" + CLOSE + "\r\n", 405),
            new Case("wrong method", "DELETE /mine HTTP/1.1\r\n" + CLOSE + "\r\n", 405),
            new Case("unknown path", "GET /wp-admin/setup.php HTTP/1.1\r\n" + CLOSE + "\r\n", 404),
            new Case("unknown path asked by a browser", "GET /nothing HTTP/1.1\r\n" + CLOSE
                    + "Accept: text/html,application/xhtml+xml\r\n\r\n", 404),
            new Case("the error page asked for directly", "GET /error HTTP/1.1\r\n" + CLOSE + "\r\n", 404),
            new Case("oversize body", "POST /mine HTTP/1.1\r\n" + CLOSE + "Content-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\n\r\n{\"proof\": 1", 413),
            new Case("oversize chunked body", "POST /mine HTTP/1.1\r\n" + CLOSE + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4000\r\n" + " ".repeat(0x4000) + "\r\n0\r\n\r\n", 413),
            new Case("unknown transfer coding", "POST /mine HTTP/1.1\r\n" + CLOSE + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: rot13\r\n\r\n", 501));

    @Test
    void everyRefusalIsJsonWithAMessageAndChangesNothing() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            SoftAssertions softly = new SoftAssertions(); // every case that fails, not only the first
            for (Case c : CASES) {
                RawHttp.Answer answer = RawHttp.send(node.url, c.request());
                softly.assertThat(answer.status()).as(c.name() + ": " + answer).isEqualTo(c.status());
                softly.assertThat(answer.headers().get("content-type")).as(c.name() + ": " + answer)
                        .startsWith("application/json");
                softly.assertThat(answer.body()).as(c.name()).doesNotContain("<html", "Apache Tomcat", "Exception");
                JsonNode body = parse(answer.body());
                softly.assertThat(body.path("message").stringValue("")).as(c.name() + ": " + answer.body()).isNotBlank();
            }
            softly.assertAll();
            assertThat(node.chain().blocks()).hasSize(1);
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
            assertThat(bystander.failures()).isEmpty();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return CanonicalJson.parse(body);
        } catch (RuntimeException e) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
    }
}
