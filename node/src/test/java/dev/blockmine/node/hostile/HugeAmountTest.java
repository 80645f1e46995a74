package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * Attack 8 of round three: under {@code node.ledger=open}, two spends of 1.797e308 pushed a balance past a double's
 * range and {@code GET /balance} answered 500 for ever. Amounts are at most 2^53 in every mode, at every door.
 */
class HugeAmountTest {

    private static final String HUGE = "{\"amount\": 1.797e+308, \"recipient\": \"victim\", \"sender\": \"eve\"}";

    @Test
    void noDoorTakesAnAmountABalanceCannotHold() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.ledger=open")) {
            for (String amount : List.of("1.797e308", "9007199254740993", "1" + "0".repeat(300))) {
                var answer = node.post("/transactions/new",
                        "{\"sender\": \"eve\", \"recipient\": \"victim\", \"amount\": " + amount + "}");
                assertThat(answer.statusCode()).as(amount).isEqualTo(400);
                assertThat(CanonicalJson.parse(answer.body()).get("message").stringValue()).contains("at most 2^53");
            }
            assertThat(node.post("/transactions/new",
                    "{\"sender\": \"eve\", \"recipient\": \"victim\", \"amount\": 9007199254740992}").statusCode()).isEqualTo(201);

            String genesis = node.chain().tip().blockString();
            var announced = node.post("/blocks", Blocks.after(genesis, "1700000001.5", "eve", List.of(HUGE, HUGE)));
            assertThat(announced.statusCode()).isEqualTo(400);
            assertThat(CanonicalJson.parse(announced.body()).get("message").stringValue()).contains("amount", "2^53");
            assertThat(node.chain().blocks()).hasSize(1);

            var balance = node.get("/balance?id=victim");
            assertThat(balance.get("balance").isNumber()).isTrue();
        }
    }
}
