package dev.blockmine.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Request bodies reach the controllers as types, each read by its own {@link JsonBodyConverter} (never by Jackson's
 * general binding, which would turn "123" into a proof), with its own size limit. This test only sends bodies that
 * are refused, so the chain of the shared context stays as it was (its counters aside).
 */
class RequestBodiesTest extends NodeOverMockMvc {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<JsonBodyConverter<?>> converters;

    @Autowired
    MeterRegistry registry;

    @Test
    void everyRequestBodyTypeHasItsConverter() {
        List<Class<?>> bodies = new ArrayList<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    bodies.add(parameter.getParameterType());
                }
            }
        }
        assertThat(bodies).containsExactlyInAnyOrder(MineRequest.class, TransactionRequest.class, PeerList.class,
                AnnouncedBlock.class);
        for (Class<?> body : bodies) {
            assertThat(converters).as(body.getSimpleName())
                    .filteredOn(converter -> converter.canRead(body, MediaType.APPLICATION_JSON)).hasSize(1);
        }
    }

    @Test
    void aBlockMayBeLargerThanAProofButNotUnbounded() throws Exception {
        String padded = "{\"index\": \"x\", \"pad\": \"" + "a".repeat(20_000) + "\"}"; // read, then refused for its index
        assertThat(message(post("/blocks", padded), 400)).isEqualTo("A block needs an integer index");
        assertThat(message(post("/mine", padded), 413)).isEqualTo("Request body is larger than 8192 bytes");
        String huge = "{\"pad\": \"" + "a".repeat(BlockShape.MAX_BLOCK_READ_BYTES) + "\"}";
        assertThat(message(post("/blocks", huge), 413))
                .isEqualTo("Request body is larger than " + BlockShape.MAX_BLOCK_READ_BYTES + " bytes");
    }

    @Test
    void peerListsAreCheckedAsTheCourseDoes() throws Exception {
        assertThat(message(post("/nodes/register", "{\"nodes\": []}"), 400)).startsWith("Please supply a valid list of nodes");
        assertThat(message(post("/nodes/register", "{\"nodes\": \"http://a:1\"}"), 400))
                .startsWith("Please supply a valid list of nodes");
        assertThat(message(post("/nodes/register", "{\"nodes\": [5]}"), 400))
                .isEqualTo("Every node must be a string such as \"http://host:port\", got 5");
    }

    @Test
    void aFloatNeverBecomesAProofNorAStringAnAmount() throws Exception {
        assertThat(message(post("/mine", "{\"proof\": 1e3, \"id\": \"ana\"}"), 400))
                .isEqualTo("proof must be a JSON integer, was a float");
        assertThat(message(post("/transactions/new", "{\"sender\": \"ana\", \"recipient\": \"bob\", \"amount\": \"1\"}"),
                400)).isEqualTo("amount must be a number, was a string");
    }

    /** A body refused before the controller runs is still a bad submission, as one refused by its fields is. */
    @Test
    void refusedMineBodiesAreCountedAsBadRequests() throws Exception {
        Counter bad = registry.get("blockmine.submissions").tag("protocol", "http").tag("outcome", "bad_request").counter();
        double before = bad.count();
        message(post("/mine", ""), 400);
        message(post("/mine", "{\"proof\": 1,"), 400);
        message(post("/mine", "{\"pad\": \"" + "a".repeat(10_000) + "\"}"), 413);
        message(post("/mine", "{\"proof\": \"1\", \"id\": \"ana\"}"), 400);
        assertThat(bad.count() - before).isEqualTo(4);
        message(post("/transactions/new", "{\"sender\": 1}"), 400);
        assertThat(bad.count() - before).as("other endpoints' refusals are not submissions").isEqualTo(4);
    }

    private MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private String message(MockHttpServletRequestBuilder request, int status)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return CanonicalJson.parse(result.getResponse().getContentAsString()).get("message").stringValue();
    }
}
