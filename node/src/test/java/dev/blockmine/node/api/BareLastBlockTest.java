package dev.blockmine.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.blockmine.node.chain.Chain;

@SpringBootTest(properties = "node.last-block-shape=bare")
@AutoConfigureMockMvc
class BareLastBlockTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Chain chain;

    @Test
    void servesTheBlockItself() throws Exception {
        String body = mvc.perform(get("/last_block")).andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo(chain.tip().blockString()).startsWith("{\"index\": 1, ");
    }
}
