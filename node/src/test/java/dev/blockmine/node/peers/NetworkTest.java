package dev.blockmine.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.blockmine.miner.MiningLoop;
import dev.blockmine.miner.MiningSummary;
import dev.blockmine.miner.NodeClient;
import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestProofSearch;

/** Three nodes in one JVM, real miners on two of them: they agree on one valid chain, and a node that dies catches up. */
class NetworkTest {

    private static final ProofRule RULE = new ProofRule(4);
    private static final String DIFFICULTY = "node.difficulty=4";

    @Test
    void threeNodesConvergeAndARestartedNodeCatchesUp() throws Exception {
        try (RunningNode a = new RunningNode(DIFFICULTY); RunningNode b = new RunningNode(DIFFICULTY)) {
            RunningNode c = new RunningNode(DIFFICULTY);
            register(a, b.url, c.url);
            register(b, a.url, c.url);
            register(c, a.url, b.url);
            assertThat(a.get("/nodes").get("nodes").size()).isEqualTo(2);

            mine(List.of(a, b), 8);
            settle(a, a, b, c);
            assertThat(a.chain().blocks().size()).isGreaterThanOrEqualTo(9);
            for (RunningNode node : List.of(a, b, c)) {
                ChainAssertions.assertValid(node.chain(), RULE);
                ChainAssertions.assertValid(node.get("/chain"), RULE);
            }

            c.close(); // C dies; the others go on without it
            mine(List.of(a, b), 3);
            settle(b, a, b);
            try (RunningNode back = new RunningNode(DIFFICULTY, "node.peers=" + a.url + "," + b.url)) {
                awaitSameChain(a, b, back); // a fresh in-memory node resolves with its peers on start
                ChainAssertions.assertValid(back.get("/chain"), RULE);
            }
        }
    }

    private static void register(RunningNode node, String... peers) throws Exception {
        var response = node.post("/nodes/register", "{\"nodes\": [\"" + String.join("\", \"", peers) + "\"]}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("New nodes have been added");
    }

    /** Real miners on each node until together they have won {@code blocks} blocks. */
    private static void mine(List<RunningNode> nodes, int blocks) throws Exception {
        long target = nodes.getFirst().chain().tip().index() + blocks;
        List<MiningLoop> loops = nodes.stream().map(node -> new MiningLoop(new NodeClient(node.url, Duration.ofSeconds(10)),
                new DigestProofSearch(1), RULE, "miner@" + node.url, Duration.ofMillis(200), 0,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).toList();
        List<CompletableFuture<MiningSummary>> running = loops.stream()
                .map(loop -> CompletableFuture.supplyAsync(loop::run)).toList();
        try {
            await("miners reach block " + target).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> nodes.stream().anyMatch(n -> n.chain().tip().index() >= target));
        } finally {
            loops.forEach(MiningLoop::stop);
        }
        for (CompletableFuture<MiningSummary> run : running) {
            run.get(30, TimeUnit.SECONDS);
        }
    }

    /** Forges one block here; a block still in flight from the stopped miners may beat it, so it tries again. */
    private static void forgeOneMore(RunningNode node) {
        for (int attempt = 0; attempt < 10; attempt++) {
            BigInteger proof = Proofs.firstValid(node.chain().tip().blockString(), RULE, 1_000_000);
            if (node.forge().submit(proof, "settler") instanceof Submission.Forged) {
                return;
            }
        }
        throw new AssertionError("could not forge a block on " + node.url);
    }

    /**
     * Forges one more block on {@code on}, which settles any tie the race left (the longest chain now exists in one
     * place), until the nodes agree: a block still in flight from the stopped miners can make a new tie at once. A
     * block crosses in milliseconds; 5 s without agreement is a tie (which never ends by itself), or a machine so busy
     * that one more block does no harm.
     */
    private static void settle(RunningNode on, RunningNode... nodes) {
        for (int attempt = 0; attempt < 10; attempt++) {
            forgeOneMore(on);
            try {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> sameChain(nodes));
                return;
            } catch (ConditionTimeoutException e) {
                // a new tie: forge again
            }
        }
        throw new AssertionError("the nodes do not agree on one chain");
    }

    private static boolean sameChain(RunningNode... nodes) {
        String tip = nodes[0].chain().tip().hash();
        for (RunningNode node : nodes) {
            if (!node.chain().tip().hash().equals(tip)) {
                return false;
            }
        }
        return true;
    }

    private static void awaitSameChain(RunningNode... nodes) {
        await("the nodes agree on one chain").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> sameChain(nodes));
    }
}
