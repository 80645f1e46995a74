package dev.blockmine.node.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.Interop;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description covers exactly the endpoints the .http files probe, and Swagger UI is served. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

    private static final Pattern REQUEST = Pattern.compile("^(GET|POST|DELETE|PUT) http://localhost:5000(/[^?\\s]*)",
            Pattern.MULTILINE);

    @Autowired
    MockMvc mvc;

    @Test
    void everyEndpointOfTheHttpFilesIsDescribedAndNothingElse() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode api = CanonicalJson.parse(served);
        Set<String> described = new TreeSet<>(api.get("paths").propertyNames());
        Set<String> probed = new TreeSet<>();
        try (Stream<Path> files = Files.list(Interop.root().resolve("http"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".http")).toList()) {
                Matcher request = REQUEST.matcher(Files.readString(file));
                while (request.find()) { // a {{variable}} of the .http file is the API's {variable}
                    String path = request.group(2).replaceAll("\\{\\{(\\w+)}}", "{$1}");
                    probed.add(path);
                }
            }
        }
        probed.remove("/v3/api-docs");
        assertThat(described).isEqualTo(probed);
        for (String path : described) {
            api.get("paths").get(path).values().forEach(operation ->
                    assertThat(operation.path("summary").isString()).as("summary of " + path).isTrue());
        }
        assertThat(api.at("/paths/~1transactions~1new/post/requestBody/content/application~1json/example").stringValue())
                .contains("sender", "recipient", "amount", "signature");
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        int status = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
    }
}
