package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.node.ledger.LedgerCalls;

/** One client cannot fill the pending pool: each sender gets at most its share, through the HTTP API. */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=open",
        "node.max-pending-transactions=7", "node.max-pending-per-sender=3"})
@DirtiesContext
class PendingShareTest extends NodeOverMockMvc {

    /** The tests share one node: each starts after a block that took every pending spend, so with an empty pool. */
    @BeforeEach
    void emptyThePool() throws Exception {
        new LedgerCalls(mvc, chain).mine("miner");
        assertThat(chain.pendingCount()).isZero();
    }

    private static String spend(String sender, int amount) {
        return "{\"sender\": \"" + sender + "\", \"recipient\": \"bob\", \"amount\": " + amount + "}";
    }

    @Test
    void aSenderOverItsShareGets429SayingSoWhileOthersStillGetIn() throws Exception {
        LedgerCalls calls = new LedgerCalls(mvc, chain);
        for (int i = 1; i <= 3; i++) {
            calls.send(spend("flooder", i), 201);
        }
        String refused = calls.send(spend("flooder", 4), 429).get("message").stringValue();
        assertThat(refused).contains("\"flooder\"").contains("3 per sender").contains("next block");
        calls.send(spend("ana", 1), 201);
        calls.send(spend("eve", 1), 201);
        calls.send(spend("eve", 2), 201);
        calls.send(spend("ana", 2), 201);
        assertThat(calls.send(spend("zoe", 1), 429).get("message").stringValue())
                .as("the pool itself is full").contains("Too many pending transactions (7)");
        assertThat(chain.pendingCount()).isEqualTo(7);
    }

    @Test
    void aBlockGivesTheSenderItsShareAgain() throws Exception {
        LedgerCalls calls = new LedgerCalls(mvc, chain);
        for (int i = 1; i <= 3; i++) {
            calls.send(spend("flooder", i), 201);
        }
        calls.send(spend("flooder", 4), 429);
        calls.mine("miner");
        assertThat(chain.tip().block().transactions()).hasSize(4);
        calls.send(spend("flooder", 4), 201);
        assertThat(chain.pendingCount()).isEqualTo(1);
    }
}
