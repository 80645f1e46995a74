package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;

/**
 * Attack 3: a longer chain whose genesis block pays the attacker 10^15 coins, every later block with a valid proof.
 * It is refused from a peer and from the stored journal; the same chain with the course's genesis block is adopted.
 */
class ForgedGenesisTest {

    private static final String FORGED_GENESIS = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, "
            + "\"timestamp\": 1700000000.25, \"transactions\": [{\"amount\": 1000000000000000, \"recipient\": \"attacker\", "
            + "\"sender\": \"0\"}]}";

    @Test
    void aLongerChainWithAForgedGenesisIsNotAdopted() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); FakePeer peer = new FakePeer()) {
            peer.serveChain(Blocks.chainFrom(FORGED_GENESIS, 6, "attacker"));
            node.post("/nodes/register", "{\"nodes\": [\"" + peer.url() + "\"]}");
            String ours = node.chain().tip().blockString();

            var answer = node.get("/nodes/resolve");

            assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
            assertThat(node.chain().tip().blockString()).isEqualTo(ours);
            assertThat(node.chain().blocks()).hasSize(1);

            peer.serveChain(Blocks.chainFrom(Blocks.GENESIS, 6, "honest")); // the control: same chain, course genesis
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain was replaced");
            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
        }
    }

    @Test
    void aStoredJournalWithAForgedGenesisIsRefusedAtStart(@TempDir Path dir) throws Exception {
        List<String> forged = Blocks.chainFrom(FORGED_GENESIS, 3, "attacker");
        Files.writeString(dir.resolve("chain.jsonl"), String.join("\n", forged) + "\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new RunningNode("node.difficulty=3", "node.store=durable", "node.data-dir=" + dir).close())
                .hasStackTraceContaining("a genesis block is exactly");
    }
}
