package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.Cancelling;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;

/** The lane engines as the miners use them: several threads, the course's difficulty, cancellation. */
class LaneSearchTest {

    private static final String GENESIS = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.1234567, \"transactions\": []}";

    @Test
    void twoThreadsFindASixZeroProofThatPlainMessageDigestAccepts() {
        try (ProofSearch search = Engines.proofSearch(EngineKind.AUTO, 2)) {
            SearchControl control = new SearchControl();
            OptionalLong proof = search.search(GENESIS, ProofRule.COURSE, control);
            assertThat(proof).isPresent();
            assertThat(ProofRule.hexDigest(GENESIS, BigInteger.valueOf(proof.getAsLong()))).startsWith("000000");
            assertThat(control.tried()).isPositive();
        }
    }

    @Test
    void searchesStartedApartFindDifferentProofsAndStartZeroIsTheEnginesFirst() {
        ProofRule rule = new ProofRule(4);
        try (ProofSearch search = Engines.proofSearch(EngineKind.AUTO, 1)) {
            long first = search.search(GENESIS, rule, new SearchControl()).orElseThrow();
            assertThat(search.search(GENESIS, rule, new SearchControl(), 0)).hasValue(first);
            List<Long> found = new ArrayList<>();
            for (long start : new long[] {1, 977, Long.MAX_VALUE, -5}) { // any value: taken modulo the engine's range
                long proof = search.search(GENESIS, rule, new SearchControl(), start).orElseThrow();
                assertThat(rule.isValid(GENESIS, BigInteger.valueOf(proof))).isTrue();
                found.add(proof);
            }
            assertThat(found).doesNotHaveDuplicates().doesNotContain(first);
        }
    }

    @Test
    void everyLaneEngineFindsProofsWithTwoThreadsForManyBlockStringLengths() {
        Random random = new Random(7);
        ProofRule rule = new ProofRule(3);
        for (EngineKind kind : KernelFamilies.laneKinds()) {
            try (ProofSearch search = Engines.proofSearch(kind, 2)) {
                for (int length = 40; length < 120; length += 3) {
                    String blockString = TailKernelTest.randomText(random, length);
                    OptionalLong proof = search.search(blockString, rule, new SearchControl());
                    assertThat(proof).as("%s, %d bytes", kind, length).isPresent();
                    assertThat(rule.isValid(blockString, BigInteger.valueOf(proof.getAsLong()))).isTrue();
                }
            }
        }
    }

    @Test
    void proofSearchesStopWhenCancelled() throws Exception {
        for (EngineKind kind : KernelFamilies.laneKinds()) {
            try (ProofSearch search = Engines.proofSearch(kind, 2)) {
                assertThat(Cancelling.onceRunning(control -> search.search(GENESIS, new ProofRule(64), control)))
                        .as(kind.name()).isEmpty();
            }
        }
    }

    @Test
    void nonceSearchesWithTwoThreadsFindValidNoncesAndStopWhenCancelled() throws Exception {
        byte[] data = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(64));
        for (EngineKind kind : KernelFamilies.laneKinds()) {
            try (NonceSearch search = Engines.nonceSearch(kind, 2)) {
                OptionalLong nonce = search.search(data, 12, 1000, 1L << 32, new SearchControl());
                assertThat(nonce).isPresent();
                assertThat(new BinaryRule(12).isValid(data, nonce.getAsLong())).isTrue();

                assertThat(Cancelling.onceRunning(control -> search.search(data, 255, 0, 1L << 32, control)))
                        .as(kind.name()).isEmpty();
            }
        }
    }

    @Test
    void aNonceSearchCountsWhatItTriedUpToTheHitNotTheRestOfItsChunk() {
        byte[] data = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(64));
        List<EngineKind> kinds = new ArrayList<>(KernelFamilies.laneKinds());
        kinds.add(EngineKind.DIGEST);
        for (EngineKind kind : kinds) {
            try (NonceSearch search = Engines.nonceSearch(kind, 1)) {
                SearchControl control = new SearchControl();
                long nonce = search.search(data, 8, 0, 1L << 32, control).orElseThrow();
                // one thread tries in order: the lane engines whole groups of 32, the digest engine one by one
                int group = NonceKernel.NONCES;
                long expected = kind == EngineKind.DIGEST ? nonce + 1 : (nonce / group + 1) * group;
                assertThat(control.tried()).as(kind.name()).isEqualTo(expected);
            }
        }
    }
}
