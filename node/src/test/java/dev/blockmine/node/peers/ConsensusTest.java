package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.hostile.FakePeer;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.TestChains;

/** Resolving against a peer that serves a chain of our choosing: tampered chains never win, valid longer ones do. */
class ConsensusTest {

    private static final ProofRule RULE = new ProofRule(3);

    private RunningNode node;
    private FakePeer fakePeer;

    @BeforeEach
    void start() throws Exception {
        node = new RunningNode("node.difficulty=3");
        fakePeer = new FakePeer();
        fakePeer.serveChain(validChain(1, "peer-miner")); // a node with a genesis block only: no longer than ours
        assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + fakePeer.hostAndPort() + "\"]}")
                .statusCode()).isEqualTo(201);
        // the registration's sync has run (and proved it a node) before a test serves the chain it is about
        await().atMost(Duration.ofSeconds(20)).until(() -> node.get("/nodes").get("proven").size() == 1);
    }

    @AfterEach
    void stop() {
        fakePeer.close();
        node.close();
    }

    static List<String> validChain(int length, String miner) {
        return TestChains.valid(length, RULE, miner);
    }

    private void serve(List<String> chain) {
        fakePeer.serveChain(chain);
    }

    @Test
    void aLongerTamperedChainIsNeverAdopted() throws Exception {
        List<String> tampered = new ArrayList<>(validChain(12, "forger"));
        tampered.set(5, tampered.get(5).replace("\"amount\": 1,", "\"amount\": 1000,"));
        serve(tampered);
        String ours = node.chain().tip().hash();
        var answer = node.get("/nodes/resolve");
        assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
        assertThat(answer.get("chain").size()).isEqualTo(1);
        assertThat(node.chain().tip().hash()).isEqualTo(ours);

        List<String> badProof = new ArrayList<>(validChain(12, "forger"));
        badProof.set(11, badProof.get(11).replaceFirst("\"proof\": \\d+", "\"proof\": 1"));
        serve(badProof);
        assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");
        assertThat(node.chain().tip().hash()).isEqualTo(ours);
    }

    @Test
    void aLongerValidChainReplacesOursAndIsServedExactly() throws Exception {
        List<String> longer = validChain(5, "peer-miner");
        serve(longer);
        var answer = node.get("/nodes/resolve");
        assertThat(answer.get("message").stringValue()).isEqualTo("Our chain was replaced");
        assertThat(answer.get("new_chain").size()).isEqualTo(5);
        assertThat(node.chain().blocks().stream().map(b -> b.blockString()).toList()).isEqualTo(longer);
        ChainAssertions.assertValid(node.chain(), RULE);
        assertThat(node.get("/dashboard/snapshot").get("winners").get(0).get("coins").intValue()).isEqualTo(4);

        serve(validChain(5, "other")); // same length: ours stays
        assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain is authoritative");
    }

    @Test
    void announcedBlocksAreCheckedAppendedOrResolved() throws Exception {
        List<String> chain = validChain(4, "peer-miner");
        serve(chain.subList(0, 2));
        node.get("/nodes/resolve"); // now we share blocks 1-2 with the peer
        assertThat(node.post("/blocks", chain.get(1)).statusCode()).as("known").isEqualTo(200);
        String badProof = chain.get(2).replaceFirst("\"proof\": \\d+", "\"proof\": 1");
        assertThat(node.post("/blocks", badProof).statusCode()).as("a proof that does not meet the rule").isEqualTo(400);
        String twoRewards = chain.get(2).replace("[{", "[{\"amount\": 1, \"recipient\": \"x\", \"sender\": \"0\"}, {");
        assertThat(node.post("/blocks", twoRewards).statusCode()).as("two rewards").isEqualTo(400);
        assertThat(node.post("/blocks", chain.get(2)).statusCode()).as("the next block").isEqualTo(201);
        assertThat(node.chain().tip().blockString()).isEqualTo(chain.get(2));

        serve(validChain(6, "peer-miner"));
        var gap = node.post("/blocks", validChain(6, "peer-miner").get(5));
        assertThat(gap.statusCode()).as("a gap").isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.chain().tip().index()).isEqualTo(6));
        assertThat(node.post("/blocks", "{\"index\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(CanonicalJson.parse(node.post("/nodes/register", "{\"nodes\": []}").body()).get("message").stringValue())
                .contains("valid list of nodes");
        assertThat(node.post("/nodes/register", "{\"nodes\": [\"ftp://x\"]}").statusCode()).isEqualTo(400);
    }
}
