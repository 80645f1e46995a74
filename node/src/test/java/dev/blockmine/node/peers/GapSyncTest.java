package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.hostile.FakePeer;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * Sync by the gap between two real nodes, B reading A through a forwarder that counts what crosses: a fresh node
 * takes a chain of several pages, one block behind costs one small page, and a fork a few blocks deep costs a few
 * blocks, its balances rolled back to the fork point rather than recounted.
 */
class GapSyncTest {

    private static final ProofRule RULE = new ProofRule(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunningNode a;
    private RunningNode b;
    private FakePeer forwarder;
    private final Queue<String> queries = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        a = new RunningNode("node.difficulty=2", "node.tcp.port=-1");
        b = new RunningNode("node.difficulty=2", "node.tcp.port=-1");
        forwarder = new FakePeer();
        forwarder.serveChain(exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(String.valueOf(query));
            HttpResponse<byte[]> answer;
            try {
                answer = HTTP.send(HttpRequest.newBuilder(URI.create(a.url + "/chain" + (query == null ? "" : "?" + query)))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            bytes.addAndGet(answer.body().length);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        });
        assertThat(b.post("/nodes/register", "{\"nodes\": [\"" + forwarder.url() + "\"]}").statusCode()).isEqualTo(201);
        // the registration syncs once (A is no longer than B: nothing taken), which proves A a node
        await().atMost(Duration.ofSeconds(20)).until(() -> b.get("/nodes").get("proven").size() == 1);
    }

    @AfterEach
    void stop() {
        forwarder.close();
        a.close();
        b.close();
    }

    private static void forge(Chain chain, int blocks, String miner) {
        for (int i = 0; i < blocks; i++) {
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
            assertThat(Forging.forge(chain, proof, miner)).isPresent();
        }
    }

    private JsonNode resolve() throws Exception {
        queries.clear();
        bytes.set(0);
        return b.get("/nodes/resolve");
    }

    @Test
    void aFreshNodeTakesManyPagesThenOneBlockBehindCostsOneSmallPage() throws Exception {
        forge(a.chain(), 1_100, "ana");

        JsonNode answer = resolve();

        assertThat(answer.get("message").stringValue()).isEqualTo("Our chain was replaced");
        assertThat(answer.get("rejected").isEmpty()).isTrue();
        assertThat(b.chain().tip()).isEqualTo(a.chain().tip());
        assertThat(queries).as("pages of 500 from the genesis block (the fresh node's own genesis is not shared)")
                .containsExactly("from=1&limit=500", "from=501&limit=500", "from=1001&limit=500");

        forge(a.chain(), 1, "bob");
        resolve();

        assertThat(b.chain().tip()).isEqualTo(a.chain().tip());
        assertThat(queries).containsExactly("from=1101&limit=500");
        assertThat(bytes.get()).as("bytes read to catch up one block").isLessThan(1_000);
    }

    @Test
    void aForkAFewBlocksDeepCostsItsBlocksAndRollsTheBalancesBack() throws Exception {
        forge(a.chain(), 40, "ana");
        resolve();
        assertThat(b.chain().tip()).isEqualTo(a.chain().tip());
        forge(b.chain(), 3, "bob"); // B's own branch: bob holds 3 coins there
        forge(a.chain(), 5, "cy");
        assertThat(b.get("/balance?id=bob").get("balance").intValue()).isEqualTo(3);

        resolve();

        assertThat(b.chain().tip()).isEqualTo(a.chain().tip());
        assertThat(b.chain().blocks()).containsExactlyElementsOf(a.chain().blocks());
        assertThat(bytes.get()).as("a fork 3 blocks deep, read back to where the chains meet")
                .isLessThan(20L * a.chain().tip().blockString().length());
        assertThat(queries.size()).isLessThanOrEqualTo(5);
        assertThat(b.get("/balance?id=bob").get("balance").intValue()).isZero();
        assertThat(b.get("/balance?id=cy").get("balance").intValue()).isEqualTo(5);
        assertThat(b.get("/balance?id=ana").get("balance").intValue()).isEqualTo(40);
        assertThat(b.get("/dashboard/snapshot").toString()).doesNotContain("\"bob\"");
    }

    @Test
    void aLongerBranchThatTurnsInvalidIsRefusedSayingWhy() throws Exception {
        forge(a.chain(), 5, "ana");
        resolve();
        forge(b.chain(), 1, "bob");
        // A's next blocks spend coins ana never had (a transaction forged straight onto its chain, unchecked)
        SealedBlock tip = a.chain().tip();
        List<Transaction> overdraw = List.of(new Transaction("ana", "eve", new BigDecimal("1000").toBigInteger()),
                Transaction.reward("ana"));
        SealedBlock bad = SealedBlock.of(new dev.blockmine.node.chain.Block(tip.index() + 1, tip.block().timestamp() + 1,
                overdraw, Proofs.firstValid(tip.blockString(), RULE, 0), tip.hash()));
        assertThat(a.chain().appendOn(dev.blockmine.node.chain.NextBlock.on(tip), bad, java.util.Optional.empty())).isTrue();
        forge(a.chain(), 1, "ana");
        SealedBlock ours = b.chain().tip();

        JsonNode answer = resolve();

        assertThat(answer.get("message").stringValue()).isEqualTo("Our chain is authoritative");
        assertThat(answer.get("rejected").get(0).stringValue()).contains(forwarder.url(), "block #7", "balance");
        assertThat(b.chain().tip()).isEqualTo(ours);
    }
}
