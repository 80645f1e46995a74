package dev.blockmine.node.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.Interop;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description covers exactly the endpoints the .http files probe, every POST's body is described (from
 * the controllers' signatures), the bodies the .http files send use only what the description names, and Swagger UI
 * is served.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

    /** One request of a .http file: its method, path and the body that follows its headers (empty for none). */
    private record Probe(String method, String path, String body) {
    }

    private static final Pattern REQUEST = Pattern.compile(
            "^(GET|POST|DELETE|PUT) http://localhost:5000(/[^?\\s]*)\\S*\\n(?:[^\\n]+\\n)*\\n?((?:(?!###)[^\\n]*\\n?)*)",
            Pattern.MULTILINE);

    @Autowired
    MockMvc mvc;

    private JsonNode api;

    @BeforeEach
    void readDescription() throws Exception {
        api = CanonicalJson.parse(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyEndpointOfTheHttpFilesIsDescribedAndNothingElse() throws Exception {
        Set<String> described = new TreeSet<>(api.get("paths").propertyNames());
        Set<String> probed = new TreeSet<>();
        probes().forEach(probe -> probed.add(probe.path()));
        probed.remove("/v3/api-docs");
        assertThat(described).isEqualTo(probed);
        for (String path : described) {
            api.get("paths").get(path).values().forEach(operation ->
                    assertThat(operation.path("summary").isString()).as("summary of " + path).isTrue());
        }
    }

    @Test
    void everyPostDescribesItsJsonBodyFromTheController() {
        List<String> posts = new ArrayList<>();
        api.get("paths").properties().forEach(path -> {
            JsonNode post = path.getValue().get("post");
            if (post == null) {
                return;
            }
            posts.add(path.getKey());
            assertThat(post.at("/requestBody/required").booleanValue()).as(path.getKey()).isTrue();
            assertThat(post.at("/requestBody/content").propertyNames()).as(path.getKey()).containsExactly("application/json");
            assertThat(bodySchema(path.getKey()).get("properties").propertyNames()).as(path.getKey()).isNotEmpty();
        });
        assertThat(posts).containsExactlyInAnyOrder("/mine", "/transactions/new", "/nodes/register", "/blocks");
        assertThat(bodySchema("/mine").get("required").values()).extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrder("proof", "id");
        assertThat(bodySchema("/mine").at("/properties/proof/type").stringValue()).isEqualTo("integer");
        assertThat(bodySchema("/transactions/new").get("properties").propertyNames())
                .containsExactlyInAnyOrder("sender", "recipient", "amount", "nonce", "signature");
        assertThat(bodySchema("/blocks").get("properties").propertyNames())
                .contains("index", "previous_hash", "proof", "timestamp", "transactions");
    }

    /** What the .http files send to a POST is what the description says it takes: no name it does not know. */
    @Test
    void theHttpFilesSendOnlyDescribedFields() throws Exception {
        Set<String> checked = new TreeSet<>();
        for (Probe probe : probes()) {
            if (!probe.method().equals("POST") || !probe.body().strip().startsWith("{")) {
                continue; // the bodies that are not JSON objects are there to be refused
            }
            JsonNode sent = CanonicalJson.parse(probe.body());
            JsonNode properties = bodySchema(probe.path()).get("properties");
            assertThat(sent.propertyNames()).as(probe.path() + " " + probe.body().strip())
                    .allSatisfy(name -> assertThat(properties.has(name)).as(name).isTrue());
            checked.add(probe.path());
        }
        assertThat(checked).containsExactlyInAnyOrder("/mine", "/transactions/new", "/nodes/register", "/blocks");
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        int status = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
    }

    private JsonNode bodySchema(String path) {
        JsonNode schema = api.at("/paths/" + path.replace("~", "~0").replace("/", "~1")
                + "/post/requestBody/content/application~1json/schema");
        String ref = schema.path("$ref").stringValue("");
        return ref.isEmpty() ? schema : api.at(ref.substring(1));
    }

    private static List<Probe> probes() throws Exception {
        List<Probe> probes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Interop.root().resolve("http"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
                Matcher request = REQUEST.matcher(Files.readString(file));
                while (request.find()) { // a {{variable}} of the .http file is the API's {variable}
                    probes.add(new Probe(request.group(1), request.group(2).replaceAll("\\{\\{(\\w+)}}", "{$1}"),
                            request.group(3)));
                }
            }
        }
        return probes;
    }
}
