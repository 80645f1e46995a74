package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.peers.RunningNode;

/**
 * Round three, 5: addresses registered as peers that are not nodes, then a flood of small gap announcements, used to
 * make the node send 40–49 {@code GET /chain} to them per request of the attacker, and every forged block went to all
 * of them. A peer is told of blocks only once it has answered with a chain, and one that fails rests (1 s, doubling)
 * before it is asked again: what the flood makes the node send stays a few requests per address.
 */
class AmplificationTest {

    @Test
    void notNodesAreNeitherFloodedWithSyncsNorToldOfBlocks() throws Exception {
        List<FakePeer> notNodes = new ArrayList<>();
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.tcp.port=-1");
                RunningNode honest = new RunningNode("node.difficulty=3", "node.tcp.port=-1");
                Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                FakePeer fake = new FakePeer();
                fake.serveChain(exchange -> FakePeer.send(exchange, "{\"message\": \"a web server, not a node\"}"));
                notNodes.add(fake);
                list.append(i == 0 ? "" : ", ").append('"').append(fake.url()).append('"');
            }
            assertThat(node.post("/nodes/register", "{\"nodes\": [" + list + "]}").statusCode()).isEqualTo(201);
            String farAhead = Blocks.chainFrom(Blocks.GENESIS, 12, "eve").getLast();

            for (int i = 0; i < 50; i++) {
                assertThat(node.post("/blocks", farAhead).statusCode()).isEqualTo(202);
            }
            for (int i = 0; i < 5; i++) {
                Forging.forge(node.chain(), Proofs.firstValid(node.chain().tip().blockString(), Blocks.RULE, 0), "m");
            }
            assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + honest.url + "\"]}").statusCode()).isEqualTo(201);
            assertThat(honest.post("/nodes/register", "{\"nodes\": [\"" + node.url + "\"]}").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> node.get("/nodes").get("proven").toString().contains(honest.url));
            // once proven, the honest node is sent our tip and takes our chain, flood or not
            await().atMost(Duration.ofSeconds(20)).until(() -> honest.chain().tip().equals(node.chain().tip()));
            assertThat(honest.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");
            BigInteger proof = Proofs.firstValid(node.chain().tip().blockString(), Blocks.RULE, 0);
            Forging.forge(node.chain(), proof, "m");
            await().atMost(Duration.ofSeconds(20)).until(() -> honest.chain().tip().equals(node.chain().tip()));

            for (FakePeer fake : notNodes) {
                assertThat(fake.chainRequests()).as("GET /chain for 2 registrations and 50 announcements")
                        .isLessThanOrEqualTo(5);
                assertThat(fake.blocksReceived()).as("blocks announced to an address that never answered with a chain")
                        .isZero();
            }
            assertThat(bystander.failures()).as("GET /last_block served in time throughout").isEmpty();
        } finally {
            notNodes.forEach(FakePeer::close);
        }
    }
}
