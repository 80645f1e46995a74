package dev.blockmine.node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.blockmine.node.chain.Chain;

/**
 * A whole node in this JVM, called through MockMvc (no socket): the set-up the API tests share. A test names its
 * settings with {@code @TestPropertySource} and adds {@code @DirtiesContext} where each method needs a fresh chain.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class NodeOverMockMvc {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Chain chain;
}
