package dev.blockmine.node.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.ledger.SignedSpends;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.node.peers.RunningNode;
import dev.blockmine.pow.CanonicalJson;

/**
 * Attack 6 of round three: under {@code node.ledger=signed}, coins at a small-order address (the identity point
 * {@code 0100…00}, the all-zero burn address, {@code ecff…7f}) could be spent by anyone with R = identity, S = 0.
 * Such keys, and keys that are not canonical encodings, are refused as senders and as recipients, saying why.
 */
class WeakKeyTest {

    private static final String IDENTITY = "01" + "00".repeat(31);
    private static final String ZERO = "00".repeat(32);
    private static final String MINUS_ONE = "ec" + "ff".repeat(30) + "7f";
    private static final String NOT_CANONICAL = "ee" + "ff".repeat(30) + "7f"; // y = p + 1
    private static final String ANYONE_SIGNS = IDENTITY + "00".repeat(32); // R = identity, S = 0

    @Test
    void coinsAtASmallOrderKeyCannotBeTakenNorSent() throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.ledger=signed")) {
            mine(node, IDENTITY); // rewards go to any id: the victim mined to the identity point
            String theft = "{\"amount\": 1, \"nonce\": 1, \"recipient\": \"thief\", \"sender\": \"" + IDENTITY
                    + "\", \"signature\": \"" + ANYONE_SIGNS + "\"}";
            assertRefused(node.post("/transactions/new", theft), "sender", "small-order");

            SignedSpends alice = SignedSpends.newKey();
            mine(node, alice.address());
            long nonce = 1;
            for (String weak : new String[] {ZERO, IDENTITY, MINUS_ONE}) {
                assertRefused(node.post("/transactions/new", alice.spend(weak, BigInteger.ONE, nonce++)), "recipient", "small-order");
            }
            assertRefused(node.post("/transactions/new", alice.spend(NOT_CANONICAL, BigInteger.ONE, nonce)), "recipient",
                    "not a canonical");
            assertThat(node.post("/transactions/new", alice.spend("bob", BigInteger.ONE, nonce)).statusCode()).isEqualTo(201);
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String who, String why) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(CanonicalJson.parse(answer.body()).get("message").stringValue()).contains(who, why);
    }

    private static void mine(RunningNode node, String id) {
        BigInteger proof = Proofs.firstValid(node.chain().tip().blockString(), Blocks.RULE, 0);
        assertThat(node.forge().submit(proof, id)).isInstanceOf(Submission.Forged.class);
    }
}
