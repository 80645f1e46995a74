package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.TestChains;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

class ChainVerifierTest {

    private static final ProofRule RULE = new ProofRule(3);

    static List<String> validChain(int length) {
        return TestChains.valid(length, RULE, "m");
    }

    static final class ChainNode extends Dispatcher {
        volatile List<String> chain;
        final AtomicInteger chainRequests = new AtomicInteger();

        ChainNode(List<String> chain) {
            this.chain = chain;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            chainRequests.incrementAndGet();
            return new MockResponse.Builder().body("{\"chain\": [" + String.join(", ", chain) + "], \"length\": " + chain.size() + "}").build();
        }
    }

    /** A verifier asking {@code server}, started here, which answers as {@code node}. */
    private static ChainVerifier verifierOn(MockWebServer server, ChainNode node) throws IOException {
        server.setDispatcher(node);
        server.start(0);
        return new ChainVerifier(new NodeClient(server.url("/").toString(), Duration.ofSeconds(5)), RULE);
    }

    /**
     * The node serves blocks 0 to {@code verified}, the verifier checks that tip (twice: the second time it fetches
     * nothing), then the node has grown to block {@code next} and the verifier checks that one: the block after the
     * verified one is checked by its link alone, any other sends it back to the whole chain.
     */
    @ParameterizedTest(name = "verified block {0}, then block {1}: {2} GET /chain")
    @CsvSource({"4, 5, 1", "1, 3, 2"})
    void checksTheWholeChainOnceThenEachBlockThatFollowsTheVerifiedOneAlone(int verified, int next, int chainRequests)
            throws Exception {
        List<String> chain = validChain(6);
        ChainNode dispatcher = new ChainNode(chain.subList(0, verified + 1));
        try (MockWebServer server = new MockWebServer()) {
            ChainVerifier verifier = verifierOn(server, dispatcher);
            verifier.check(CanonicalJson.parse(chain.get(verified)));
            verifier.check(CanonicalJson.parse(chain.get(verified)));
            dispatcher.chain = chain.subList(0, next + 1);
            verifier.check(CanonicalJson.parse(chain.get(next)));
            assertThat(dispatcher.chainRequests.get()).isEqualTo(chainRequests);
        }
    }

    /** Behind a load balancer, GET /last_block may come from a replica a moment behind the one serving GET /chain. */
    @Test
    void aLastBlockOlderThanTheChainsTipIsOnTheVerifiedChain() throws Exception {
        List<String> chain = validChain(6);
        ChainNode dispatcher = new ChainNode(chain);
        try (MockWebServer server = new MockWebServer()) {
            ChainVerifier verifier = verifierOn(server, dispatcher);
            verifier.check(CanonicalJson.parse(chain.get(3))); // once ended in a StackOverflowError
            verifier.check(CanonicalJson.parse(chain.getLast())); // the tip was verified with the chain
            assertThat(dispatcher.chainRequests.get()).isEqualTo(1);
        }
    }

    @Test
    void aLastBlockOnNoChainTheNodeHasIsRefusedOnce() throws Exception {
        List<String> chain = validChain(6);
        List<String> other = TestChains.valid(6, RULE, "someone else");
        ChainNode dispatcher = new ChainNode(chain);
        try (MockWebServer server = new MockWebServer()) {
            ChainVerifier verifier = verifierOn(server, dispatcher);
            assertThatThrownBy(() -> verifier.check(CanonicalJson.parse(other.get(3))))
                    .isInstanceOf(ChainVerifier.InvalidChain.class).hasMessageContaining("is not on the node's chain");
            assertThat(dispatcher.chainRequests.get()).isEqualTo(1);
            verifier.check(CanonicalJson.parse(chain.getLast())); // the chain itself was verified
            assertThat(dispatcher.chainRequests.get()).isEqualTo(1);
        }
    }

    @Test
    void refusesATamperedChainAndSaysWhy() throws Exception {
        List<String> chain = new ArrayList<>(validChain(5));
        chain.set(2, chain.get(2).replace("\"recipient\": \"m\"", "\"recipient\": \"thief\""));
        try (MockWebServer server = new MockWebServer()) {
            ChainVerifier verifier = verifierOn(server, new ChainNode(chain));
            JsonNode tip = CanonicalJson.parse(chain.getLast());
            assertThatThrownBy(() -> verifier.check(tip)).isInstanceOf(ChainVerifier.InvalidChain.class)
                    .hasMessageContaining("chain of 5 blocks does not validate").hasMessageContaining("block #4: previous_hash");
        }
    }
}
