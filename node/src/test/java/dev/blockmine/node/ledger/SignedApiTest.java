package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOverMockMvc;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * {@code node.ledger=signed} through the HTTP API: only the key's owner spends, each signature once. The tests share
 * one node: each has keys of its own (and so accounts and nonces of its own) and works from the tip it finds; the
 * node is closed after the class.
 */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=signed"})
@DirtiesContext
class SignedApiTest extends NodeOverMockMvc {

    private static final ProofRule RULE = new ProofRule(3);

    private JsonNode get(String path, String id) throws Exception {
        return new LedgerCalls(mvc, chain).get(path, id);
    }

    private JsonNode send(String body, int status) throws Exception {
        return new LedgerCalls(mvc, chain).send(body, status);
    }

    private void mine(String id) throws Exception {
        new LedgerCalls(mvc, chain).mine(id);
    }

    private final SignedSpends alice = SignedSpends.newKey();
    private final SignedSpends mallory = SignedSpends.newKey();
    /** A recipient of this test's own: any id may receive. */
    private final String bob = "bob-" + alice.address().substring(0, 12);

    @BeforeEach
    void aliceMinesTwoCoins() throws Exception {
        mine(alice.address());
        mine(alice.address());
    }

    @Test
    void aCorrectlySignedSpendIsAcceptedAndMinedWithItsSignature() throws Exception {
        String spend = alice.spend(bob, 1.5, 1);
        assertThat(send(spend, 201).get("message").stringValue())
                .isEqualTo("Transaction will be added to Block " + (chain.tip().index() + 1));
        assertThat(get("/nonce", alice.address()).get("nonce").intValue()).isEqualTo(1);
        mine("plain miner id"); // miners mine as before, with any id
        assertThat(chain.tip().blockString()).contains(spend);
        assertThat(get("/balance", alice.address()).get("balance").doubleValue()).isEqualTo(0.5);
        assertThat(get("/balance", bob).get("balance").doubleValue()).isEqualTo(1.5);
        assertThat(get("/nonce", alice.address()).get("nonce").intValue()).isEqualTo(1);
        send(alice.spend(bob, BigInteger.ONE, 7), 400); // signed, but 0.5 is all there is
        ChainAssertions.assertValid(chain, RULE);
    }

    @Test
    void theSameSpendSentTwiceIsRefused() throws Exception {
        String spend = alice.spend(bob, BigInteger.ONE, 1);
        send(spend, 201);
        assertThat(send(spend, 400).get("message").stringValue()).contains("nonce 1 was used");
        mine("m");
        assertThat(send(spend, 400).get("message").stringValue()).contains("nonce 1 was used");
        assertThat(send(alice.spend(bob, BigInteger.ONE, 1), 400).get("message").stringValue())
                .as("a new signature does not make an old nonce new").contains("greater than 1");
        send(alice.spend(bob, BigInteger.ONE, 5), 201); // nonces may skip
    }

    @Test
    void aSpendSignedByAnotherKeyIsRefused() throws Exception {
        int pending = chain.pendingCount();
        String forged = mallory.spend(alice.address(), "mallory", BigInteger.ONE, 1);
        assertThat(send(forged, 400).get("message").stringValue()).contains("signature does not verify");
        String tampered = alice.spend(bob, BigInteger.ONE, 1).replace("\"" + bob + "\"", "\"mallory\"");
        assertThat(send(tampered, 400).get("message").stringValue()).contains("signature does not verify");
        assertThat(chain.pendingCount()).isEqualTo(pending);
    }

    @Test
    void anUnsignedSpendIsRefused() throws Exception {
        assertThat(send("{\"amount\": 1, \"recipient\": \"" + bob + "\", \"sender\": \"" + alice.address() + "\"}", 400)
                .get("message").stringValue()).contains("must be signed");
        assertThat(send("{\"amount\": 1, \"nonce\": 1, \"recipient\": \"" + bob + "\", \"sender\": \"" + alice.address()
                + "\", \"signature\": 5}", 400).get("message").stringValue()).contains("signature must be");
        assertThat(send("{\"amount\": 1, \"nonce\": 0.5, \"recipient\": \"" + bob + "\", \"sender\": \"" + alice.address()
                + "\", \"signature\": \"ab\"}", 400).get("message").stringValue()).contains("nonce must be an integer");
        assertThat(send(alice.spend(bob, BigInteger.ONE, 0), 400).get("message").stringValue()).contains("from 1 to 2^53");
        assertThat(send(alice.spend("ana", bob, BigInteger.ONE, 1), 400).get("message").stringValue())
                .contains("sender must be an address");
    }

}
