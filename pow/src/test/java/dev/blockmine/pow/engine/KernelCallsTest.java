package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.search.DigestNonceSearch;
import dev.blockmine.pow.search.SearchControl;

/** The benchmarks' door to the kernels steps through the same proofs and nonces the searches do. */
class KernelCallsTest {

    private static final byte[] DATA = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(64));

    @Test
    void binaryRuleCallsFlagTheFirstValidNonceFirst() {
        long first;
        try (DigestNonceSearch search = new DigestNonceSearch(1)) {
            first = search.search(DATA, 8, 0, 1L << 32, new SearchControl()).orElseThrow();
        }
        for (EngineKind kind : KernelFamilies.laneKinds()) {
            KernelCalls calls = KernelCalls.binaryRule(kind, DATA, 8);
            long call = 0;
            int hits;
            while ((hits = calls.next()) == 0) {
                call++;
            }
            // 8 bits lie in the first word, so the kernel's mask is exact
            assertThat(call * KernelCalls.NONCES_PER_CALL + Integer.numberOfTrailingZeros(hits)).as(kind.name()).isEqualTo(first);
        }
    }

    @Test
    void httpRuleCallsFindCandidates() {
        for (EngineKind kind : KernelFamilies.laneKinds()) {
            KernelCalls calls = KernelCalls.httpRule(kind, "{\"index\": 1, \"transactions\": []}", 8);
            int flagged = 0;
            for (int i = 0; i < 1000; i++) {
                flagged += Integer.bitCount(calls.next());
            }
            // 1,000 calls' proofs at 1 in 256
            int expected = 1000 * KernelCalls.PROOFS_PER_CALL / 256;
            assertThat(flagged).as(kind.name()).isBetween(expected / 2, expected * 2);
        }
    }

    @Test
    void theDigestEngineHasNoKernels() {
        assertThatThrownBy(() -> KernelCalls.binaryRule(EngineKind.DIGEST, DATA, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
