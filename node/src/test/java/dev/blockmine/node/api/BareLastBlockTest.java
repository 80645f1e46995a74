package dev.blockmine.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOverMockMvc;

@TestPropertySource(properties = "node.last-block-shape=bare")
class BareLastBlockTest extends NodeOverMockMvc {

    @Test
    void servesTheBlockItself() throws Exception {
        String body = mvc.perform(get("/last_block")).andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo(chain.tip().blockString()).startsWith("{\"index\": 1, ");
    }
}
