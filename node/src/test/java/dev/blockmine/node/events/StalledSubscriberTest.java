package dev.blockmine.node.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.StalledStreams;
import dev.blockmine.node.chain.Queued;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * Subscribers of GET /events that stop reading (raw sockets with tiny buffers) fill their sockets, and every write
 * to them then hangs until the server's write timeout (here far longer than the test). Miners must still be answered
 * at once, a subscriber that reads must get every block, and the stalled ones must be dropped. Blocks carry a few KB
 * of transactions, so that the buffers fill within a few hundred blocks.
 */
@TestPropertySource(properties = {"node.difficulty=1", "node.tcp.port=-1", "node.ledger=open",
        "server.tomcat.connection-timeout=10m", "node.events.heartbeat=1h"})
class StalledSubscriberTest extends NodeOnRandomPort {

    private static final ProofRule RULE = new ProofRule(1);
    private static final int STALLED = 4;
    private static final String PARTY = "x".repeat(200);

    @Autowired
    TipEvents tips;

    @Test
    void minersAreAnsweredWhileSubscribersStallAndStalledSubscribersAreDropped() throws Exception {
        try (EventReader reader = new EventReader(port)) {
            reader.next(); // the tip when it subscribed
            try (StalledStreams stalled = new StalledStreams(port, "/events", STALLED)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> tips.subscribers() == STALLED + 1);

                int mined = 0;
                while (tips.subscribers() > 1) {
                    for (int i = 0; i < 20; i++) {
                        assertThat(chain.addTransaction(new Transaction(PARTY + i, PARTY, BigInteger.ONE))).isInstanceOf(Queued.Accepted.class);
                    }
                    // were subscribers written on the appending thread, this answer would wait for the stalled writes (10 min)
                    assertThat(mine(RULE)).as("block %d answered while %d subscribers are open", chain.tip().index() + 1,
                            tips.subscribers()).isEqualTo(200);
                    assertThat(++mined).as("blocks mined before the stalled subscribers were dropped").isLessThan(5_000);
                    JsonNode event = reader.next(); // the reading subscriber gets every block, in order
                    assertThat(event.path("index").longValue()).isEqualTo(chain.tip().index());
                    assertThat(event.path("hash").stringValue()).isEqualTo(chain.tip().hash());
                }
                assertThat(mine(RULE)).as("answered after the stalled subscribers were dropped").isEqualTo(200);
                assertThat(reader.next().path("index").longValue()).isEqualTo(chain.tip().index());
                assertThat(tips.subscribers()).isEqualTo(1);
            }
        }
    }
}
