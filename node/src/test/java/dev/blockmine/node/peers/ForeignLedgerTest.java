package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.node.Proofs;
import dev.blockmine.node.hostile.FakePeer;
import dev.blockmine.node.ledger.SignedSpends;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.TestChains;

/** Chains and blocks from elsewhere (a peer, the stored journal) are checked under the node's ledger. */
class ForeignLedgerTest {

    private static final ProofRule RULE = new ProofRule(3);
    /** The forger's reward of block 2, spent twice over in block 3. */
    private static final List<String> OVERDRAFT = List.of("",
            "{\"amount\": 1, \"recipient\": \"bob\", \"sender\": \"forger\"}, {\"amount\": 0.5, \"recipient\": \"eve\", \"sender\": \"forger\"}",
            "");
    /** The same reward spent once, and bob passing it on. */
    private static final List<String> COVERED = List.of("",
            "{\"amount\": 0.75, \"recipient\": \"bob\", \"sender\": \"forger\"}",
            "{\"amount\": 0.75, \"recipient\": \"eve\", \"sender\": \"bob\"}");

    private FakePeer fakePeer;

    @BeforeEach
    void start() throws Exception {
        fakePeer = new FakePeer();
        fakePeer.serveChain(List.of());
    }

    @AfterEach
    void stop() {
        fakePeer.close();
    }

    private RunningNode node(String... properties) throws Exception {
        String[] all = new String[properties.length + 1];
        all[0] = "node.difficulty=3";
        System.arraycopy(properties, 0, all, 1, properties.length);
        RunningNode node = new RunningNode(all);
        assertThat(node.post("/nodes/register", "{\"nodes\": [\"" + fakePeer.hostAndPort() + "\"]}")
                .statusCode()).isEqualTo(201);
        return node;
    }

    private void serve(List<String> chain) {
        fakePeer.serveChain(chain);
    }

    @Test
    void aLongerChainThatSpendsCoinsNobodyHadIsNeverAdopted() throws Exception {
        try (RunningNode node = node()) {
            serve(TestChains.withTransactions(RULE, "forger", OVERDRAFT));
            var answer = node.get("/nodes/resolve");
            assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
            assertThat(node.chain().tip().index()).isEqualTo(1);

            serve(TestChains.withTransactions(RULE, "forger", COVERED));
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain was replaced");
            assertThat(node.get("/balance?id=eve").get("balance").doubleValue()).isEqualTo(0.75);
            assertThat(node.get("/balance?id=forger").get("balance").doubleValue()).isEqualTo(2.25);
        }
    }

    @Test
    void theOpenLedgerAdoptsWhatTheCourseWould() throws Exception {
        try (RunningNode node = node("node.ledger=open")) {
            serve(TestChains.withTransactions(RULE, "forger", OVERDRAFT));
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain was replaced");
        }
    }

    @Test
    void anAnnouncedBlockThatOverdrawsIsRefused() throws Exception {
        try (RunningNode node = node()) {
            List<String> overdraft = TestChains.withTransactions(RULE, "forger", OVERDRAFT);
            serve(overdraft.subList(0, 2));
            node.get("/nodes/resolve"); // now we share blocks 1-2 with the peer
            var refused = node.post("/blocks", overdraft.get(2));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("block #3").contains("balance");
            assertThat(node.post("/blocks", TestChains.withTransactions(RULE, "forger", COVERED).get(2)).statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void pendingSpendsTheNewChainLeavesUncoveredAreDropped() throws Exception {
        try (RunningNode node = node()) {
            node.post("/mine", "{\"proof\": " + Proofs.firstValid(node.chain().tip().blockString(), RULE, 0) + ", \"id\": \"m\"}");
            assertThat(node.post("/transactions/new", "{\"sender\": \"m\", \"recipient\": \"x\", \"amount\": 1}").statusCode())
                    .isEqualTo(201);
            serve(TestChains.withTransactions(RULE, "forger", COVERED)); // m holds nothing there
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain was replaced");
            assertThat(node.chain().pendingCount()).isZero();
        }
    }

    @Test
    void underTheSignedLedgerOnlyChainsOfValidSignaturesAndFreshNoncesAreAdopted() throws Exception {
        SignedSpends alice = SignedSpends.newKey();
        SignedSpends mallory = SignedSpends.newKey();
        String spend = alice.spend("bob", 0.5, 1);
        try (RunningNode node = node("node.ledger=signed")) {
            serve(TestChains.withTransactions(RULE, alice.address(), List.of("", mallory.spend(alice.address(), "m", 0.5, 1), "")));
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).as("forged").isEqualTo("Our chain is authoritative");
            serve(TestChains.withTransactions(RULE, alice.address(), List.of("", spend, spend)));
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).as("replayed").isEqualTo("Our chain is authoritative");
            serve(TestChains.withTransactions(RULE, alice.address(), List.of("",
                    "{\"amount\": 0.5, \"recipient\": \"bob\", \"sender\": \"" + alice.address() + "\"}", "")));
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).as("unsigned").isEqualTo("Our chain is authoritative");
            assertThat(node.chain().tip().index()).isEqualTo(1);

            List<String> good = TestChains.withTransactions(RULE, alice.address(), List.of("", spend, alice.spend("bob", 1, 2)));
            serve(good);
            assertThat(node.get("/nodes/resolve").get("message").stringValue()).isEqualTo("Our chain was replaced");
            assertThat(node.chain().tip().blockString()).isEqualTo(good.getLast());
            assertThat(node.get("/nonce?id=" + alice.address()).get("nonce").intValue()).isEqualTo(2);
            // a block replaying nonce 2 on top of it is refused
            List<String> replay = TestChains.withTransactions(RULE, alice.address(), List.of("", spend,
                    alice.spend("bob", 1, 2), alice.spend("bob", 0.25, 2)));
            var refused = node.post("/blocks", replay.getLast());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("nonce 2 was used");
        }
    }

    @Test
    void aStoredJournalWithAForgedSignatureStopsASignedNode(@TempDir Path dir) throws Exception {
        SignedSpends alice = SignedSpends.newKey();
        SignedSpends mallory = SignedSpends.newKey();
        Files.writeString(dir.resolve("chain.jsonl"), String.join("\n", TestChains.withTransactions(RULE, alice.address(),
                List.of("", mallory.spend(alice.address(), "m", 0.5, 1)))) + "\n");
        assertThatThrownBy(() -> new RunningNode("node.difficulty=3", "node.store=durable", "node.data-dir=" + dir,
                "node.ledger=signed")).hasStackTraceContaining("signature does not verify");
    }

    @Test
    void aStoredJournalThatOverdrawsStopsTheNodeFromStarting(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("chain.jsonl"),
                String.join("\n", TestChains.withTransactions(RULE, "forger", OVERDRAFT)) + "\n");
        assertThatThrownBy(() -> new RunningNode("node.difficulty=3", "node.store=durable", "node.data-dir=" + dir))
                .hasStackTraceContaining("does not validate").hasStackTraceContaining("Insufficient balance")
                .hasStackTraceContaining("(node.ledger=balances)");
        try (RunningNode open = new RunningNode("node.difficulty=3", "node.store=durable", "node.data-dir=" + dir,
                "node.ledger=open")) {
            assertThat(open.chain().tip().index()).isEqualTo(4);
        }
    }

    @Test
    void aStoredJournalWithCoveredSpendsComesBackWithItsBalances(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("chain.jsonl"),
                String.join("\n", TestChains.withTransactions(RULE, "forger", COVERED)) + "\n");
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.store=durable", "node.data-dir=" + dir)) {
            assertThat(node.get("/balance?id=bob").get("balance").intValue()).isZero();
            assertThat(node.get("/balance?id=eve").get("available").doubleValue()).isEqualTo(0.75);
        }
    }
}
