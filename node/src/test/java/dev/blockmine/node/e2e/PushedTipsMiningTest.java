package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.miner.MiningLoop;
import dev.blockmine.miner.NodeClient;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestProofSearch;

/**
 * The real miner on the real node's GET /events: it abandons its search the moment another miner forges the block.
 * It never polls here (once an hour), and believes in 9 zeros, so only the pushed tip can end its search.
 */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.port=-1"})
class PushedTipsMiningTest extends NodeOnRandomPort {

    @Test
    void minerDropsItsSearchWhenTheNodePushesANewBlock(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path searches = dir.resolve("searches.jsonl");
        try (DigestProofSearch search = new DigestProofSearch(1)) {
            MiningLoop loop = new MiningLoop(new NodeClient(url(), Duration.ofSeconds(10)), search,
                    new ProofRule(9), "slow-miner", Duration.ofHours(1), 0, new PrintStream(output, true, StandardCharsets.UTF_8))
                    .listeningForTips().loggingSearches(searches);
            CompletableFuture<?> running = CompletableFuture.supplyAsync(loop::run);
            long mined = chain.tip().index() + 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> output.toString(StandardCharsets.UTF_8)
                    .contains("Watching for new blocks: push (server-sent events)")
                    && output.toString(StandardCharsets.UTF_8).contains("Mining block " + mined + ": proof of work started"));

            String tip = chain.tip().blockString();
            assertThat(forge.submit(Proofs.firstValid(tip, new ProofRule(2), 0), "someone-else")).isInstanceOf(Submission.Forged.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> output.toString(StandardCharsets.UTF_8)
                    .contains("Mining block " + (mined + 1) + ": proof of work started"));
            loop.stop();
            running.get(10, TimeUnit.SECONDS);

            assertThat(output.toString(StandardCharsets.UTF_8)).contains("Block " + mined + " was forged by someone else after");
            List<String> lines = Files.readAllLines(searches);
            var first = CanonicalJson.parse(lines.getFirst());
            assertThat(first.path("index").longValue()).isEqualTo(mined);
            assertThat(first.path("outcome").stringValue()).isEqualTo("abandoned");
            assertThat(first.path("end").doubleValue()).isGreaterThanOrEqualTo(chain.tip().block().timestamp() - 1)
                    .isGreaterThanOrEqualTo(first.path("start").doubleValue());
        }
    }
}
