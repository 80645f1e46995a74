package dev.blockmine.node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.blockmine.node.chain.Chain;

/**
 * A whole node in this JVM, called through MockMvc (no socket): the set-up the API tests share. A test names its
 * settings with {@code @TestPropertySource}; classes with the same settings share one node (Spring's context cache).
 * A class whose tests grow the chain works from the tip each test finds, and adds {@code @DirtiesContext} so the node
 * is closed after it; a node per method (a context start each) is rarely needed.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class NodeOverMockMvc {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Chain chain;
}
