package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.binary.BinaryVectors;
import dev.blockmine.pow.search.DigestNonceSearch;
import dev.blockmine.pow.search.SearchControl;
import tools.jackson.databind.JsonNode;

/** The binary rule against CPython's hashlib: the digest of every solution, and that it is the first valid nonce. */
class BinaryRuleVectorsTest {

    @Test
    void everySolutionHasCPythonsDigestAndIsTheFirstValidNonce() {
        byte[] data = BinaryVectors.data();
        int checked = 0;
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            for (JsonNode solution : BinaryVectors.root().get("solutions").values()) {
                int bits = solution.get("zero_bits").intValue();
                long nonce = solution.get("first_nonce").longValue();
                assertThat(HexFormat.of().formatHex(BinaryRule.digest(data, nonce))).isEqualTo(solution.get("sha256").stringValue());
                BinaryRule rule = new BinaryRule(bits);
                assertThat(rule.isValid(data, nonce)).isTrue();
                assertThat(rule.isValid(data, nonce - 1)).isFalse();
                // the only valid nonce in [0, first] is the first: a correct search must return exactly it
                assertThat(search.search(data, bits, 0, nonce + 1, new SearchControl())).isEqualTo(OptionalLong.of(nonce));
                assertThat(search.search(data, bits, 0, nonce, new SearchControl())).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void theSearchWrapsAroundTheTopOfTheNonceSpace() {
        byte[] data = BinaryVectors.data();
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            // start 100 below 2^32: the slot wraps to 0, and the first valid nonce for 8 bits is 122
            assertThat(search.search(data, 8, (1L << 32) - 100, 223, new SearchControl())).isEqualTo(OptionalLong.of(122));
        }
    }

    @Test
    void aCancelledSearchStopsEmpty() {
        SearchControl control = new SearchControl();
        control.cancel();
        try (DigestNonceSearch search = new DigestNonceSearch(2)) {
            assertThat(search.search(BinaryVectors.data(), 64, 0, 1L << 32, control)).isEmpty();
        }
    }

    @Test
    void zeroBitsFitTheOneByteTheyTakeOnTheWire() {
        assertThat(new BinaryRule(0).zeroBits()).isZero();
        assertThat(new BinaryRule(255).zeroBits()).isEqualTo(255);
        for (int bits : new int[] {-1, 256}) {
            assertThatThrownBy(() -> new BinaryRule(bits)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 0 and 255");
        }
    }
}
