package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.PythonFloat;
import tools.jackson.databind.JsonNode;

/**
 * Attack 4: blocks announced on {@code POST /blocks} with valid proofs of work but fields no other door accepts
 * (a 5,000-character recipient, timestamps of ±1e308, a time before the median of the blocks before it or more than
 * two hours ahead). Each is refused with a message and the chain, the
 * dashboard's snapshot and its block times stay finite; a well-formed block is still accepted.
 */
class AnnouncedBlockTest {

    @Test
    void announcedBlocksMeetTheSameRulesAsEveryOtherBlock() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3"); Bystander bystander = new Bystander(node.url)) {
            bystander.warmedUp();
            String genesis = node.chain().tip().blockString();
            String[][] attacks = {
                    {"1700000001.5", "x".repeat(5000), "recipient"},
                    {"1e+308", "eve", "timestamp"},
                    {"-1e+308", "eve", "timestamp"},
                    {"1700000001.5", "", "recipient"},
            };
            for (String[] attack : attacks) {
                HttpResponse<String> answer = node.post("/blocks", Blocks.after(genesis, attack[0], attack[1]));
                assertThat(answer.statusCode()).as(attack[2]).isEqualTo(400);
                assertThat(CanonicalJson.parse(answer.body()).get("message").stringValue()).contains("Invalid block", attack[2]);
                assertThat(node.chain().blocks()).hasSize(1);
            }

            String good = Blocks.after(genesis, Blocks.secondsAfter(genesis, 1), "honest");
            assertThat(node.post("/blocks", good).statusCode()).isEqualTo(201);
            String negative = Blocks.after(good, "-1e+308", "eve");
            assertThat(node.post("/blocks", negative).statusCode()).isEqualTo(400);

            // time cannot be walked back (it drove the binary target to 48 bits in 60 blocks), nor run far ahead
            String back = Blocks.after(good, Blocks.secondsAfter(genesis, -100), "eve");
            HttpResponse<String> refused = node.post("/blocks", back);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("is not after", "median of the previous 2 blocks");
            String ahead = Blocks.after(good, PythonFloat.repr(System.currentTimeMillis() / 1000.0 + 3 * 3600), "eve");
            assertThat(node.post("/blocks", ahead).body()).contains("more than 2 hours ahead");
            assertThat(node.chain().blocks()).hasSize(2);

            ChainAssertions.assertValid(node.get("/chain"), Blocks.RULE);
            JsonNode snapshot = node.get("/dashboard/snapshot"); // a strict parser: -Infinity would not parse
            assertThat(snapshot.toString()).doesNotContain("Infinity", "NaN");
            assertThat(bystander.failures()).isEmpty();
        }
    }
}
