package dev.blockmine.pow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.ProofRule;

class DigestProofSearchTest {

    private static final String GENESIS = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.1234567, \"transactions\": []}";

    @Test
    void findsAProofThatMeetsTheRule() {
        ProofRule rule = new ProofRule(4);
        try (DigestProofSearch search = new DigestProofSearch(2)) {
            SearchControl control = new SearchControl();
            OptionalLong proof = search.search(GENESIS, rule, control);
            assertThat(proof).isPresent();
            assertThat(rule.isValid(GENESIS, BigInteger.valueOf(proof.getAsLong()))).isTrue();
            assertThat(control.tried()).isPositive();
        }
    }

    @Test
    void findsTheKnownSixZeroProofOfTheVectorsWithOneThread() {
        // proofs.json: proof 5945854 is valid for this block; one thread counts up from 0 so finds it or an earlier one
        try (DigestProofSearch search = new DigestProofSearch(1)) {
            OptionalLong proof = search.search(GENESIS, ProofRule.COURSE, new SearchControl());
            assertThat(proof).hasValue(5945854L);
        }
    }

    @Test
    void startsWhereItIsToldAndWrapsAround() {
        ProofRule rule = new ProofRule(4);
        long chunks = Long.MAX_VALUE / (1 << 20);
        try (DigestProofSearch search = new DigestProofSearch(1)) {
            long first = search.search(GENESIS, rule, new SearchControl()).orElseThrow();
            assertThat(search.search(GENESIS, rule, new SearchControl(), chunks)).hasValue(first); // wrapped to 0
            long later = search.search(GENESIS, rule, new SearchControl(), 3).orElseThrow();
            assertThat(later).isGreaterThanOrEqualTo(3L << 20); // chunk 3 onwards
            assertThat(rule.isValid(GENESIS, BigInteger.valueOf(later))).isTrue();
            long last = search.search(GENESIS, rule, new SearchControl(), chunks - 1).orElseThrow(); // the last chunk, then 0
            assertThat(rule.isValid(GENESIS, BigInteger.valueOf(last))).isTrue();
        }
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        try (DigestProofSearch search = new DigestProofSearch(2)) {
            assertThat(Cancelling.onceRunning(control -> search.search(GENESIS, new ProofRule(64), control))).isEmpty();
        }
    }

    @Test
    void decimalCounterCrossesDigitWidths() {
        byte[] digits = new byte[20];
        int len = DigestProofSearch.writeDecimal(998, digits);
        len = DigestProofSearch.increment(digits, len);
        assertThat(new String(Arrays.copyOf(digits, len))).isEqualTo("999");
        len = DigestProofSearch.increment(digits, len);
        assertThat(new String(Arrays.copyOf(digits, len))).isEqualTo("1000");
        len = DigestProofSearch.writeDecimal(9, digits);
        assertThat(new String(Arrays.copyOf(digits, DigestProofSearch.increment(digits, len)))).isEqualTo("10");
    }
}
