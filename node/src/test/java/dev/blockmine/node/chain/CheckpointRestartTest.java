package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.Forging;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * A durable node saves a checkpoint of its derived state as it stops; the next start takes the journal's blocks up to
 * it on their hash links, validates only the blocks after it, and takes up the balances and the leaderboard exactly.
 */
class CheckpointRestartTest {

    private static final ProofRule RULE = new ProofRule(2);

    private static RunningNode node(Path dir) {
        return new RunningNode("node.difficulty=2", "node.tcp.port=-1", "node.store=durable", "node.data-dir=" + dir);
    }

    private static void forge(Chain chain, int blocks, String miner) {
        for (int i = 0; i < blocks; i++) {
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
            assertThat(Forging.forge(chain, proof, miner)).isPresent();
        }
    }

    private static List<String> balances(RunningNode node) throws Exception {
        List<String> seen = new ArrayList<>();
        for (String id : List.of("ana", "bob", "cy")) {
            seen.add(CanonicalJson.encode(node.get("/balance?id=" + id)));
        }
        seen.add(node.get("/dashboard/snapshot").get("winners").toString());
        return seen;
    }

    @Test
    void aRestartTakesUpFromTheCheckpointAndValidatesOnlyWhatCameAfter(@TempDir Path dir) throws Exception {
        List<String> before;
        SealedBlock tip;
        try (RunningNode first = node(dir)) {
            forge(first.chain(), 12, "ana");
            first.chain().addTransaction(new Transaction("ana", "bob", new BigInteger("5")));
            forge(first.chain(), 3, "cy");
            before = balances(first);
            tip = first.chain().tip();
        }
        JsonNode checkpoint = CanonicalJson.parse(Files.readString(dir.resolve("checkpoint.json")));
        assertThat(checkpoint.get("height").longValue()).isEqualTo(tip.index());
        assertThat(checkpoint.get("hash").stringValue()).isEqualTo(tip.hash());
        assertThat(checkpoint.at("/states/ledger/bob/0").stringValue()).isEqualTo("5");
        assertThat(checkpoint.at("/states/leaderboard/ana").longValue()).isEqualTo(12);

        try (RunningNode second = node(dir)) {
            assertThat(second.chain().tip()).isEqualTo(tip);
            assertThat(balances(second)).isEqualTo(before);
            forge(second.chain(), 2, "bob");
        }
        // a checkpoint older than the journal's end: the blocks after it are validated, the rest taken up
        Files.writeString(dir.resolve("checkpoint.json"), CanonicalJson.encode(checkpoint), StandardCharsets.US_ASCII);
        try (RunningNode third = node(dir)) {
            assertThat(third.chain().tip().index()).isEqualTo(tip.index() + 2);
            assertThat(third.get("/balance?id=bob").get("balance").intValue()).isEqualTo(7);
            assertThat(third.get("/dashboard/snapshot").get("winners").toString()).contains("\"bob\"", "\"ana\"");
        }
    }

    @Test
    void aJournalLineThatNoLongerLinksStopsTheStartSayingWhere(@TempDir Path dir) throws Exception {
        try (RunningNode first = node(dir)) {
            forge(first.chain(), 6, "ana");
        }
        Path journal = dir.resolve("chain.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.US_ASCII));
        lines.set(3, lines.get(3).replace("\"recipient\": \"ana\"", "\"recipient\": \"eve\""));
        Files.write(journal, lines, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> node(dir).close()).rootCause().hasMessageContaining("line 5 of")
                .hasMessageContaining("not the next block");
    }
}
