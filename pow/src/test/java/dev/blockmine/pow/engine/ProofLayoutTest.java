package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProofLayoutTest {

    @Test
    void everyPrefixLengthGetsAFixedWidthLayoutThatFitsTheLastBlock() {
        int withPaddingBlock = 0;
        for (int length = 0; length < 3000; length++) {
            ProofLayout layout = ProofLayout.choose(length, 24);
            assertThat(layout.end()).as("length %d", length).isBetween(layout.counterDigits() + 2, 63);
            assertThat(layout.counterDigits()).as("length %d", length).isBetween(1, 6);
            withPaddingBlock += layout.paddingBlock() ? 1 : 0;
            assertThat((length + layout.width()) % 64).isEqualTo(layout.end());
            // first and last proof of the layout have exactly `width` digits: no leading zero, no carry into a new digit
            assertThat(Long.toString(layout.proof(0, 0, 0))).hasSize(layout.width());
            long lastBatch = layout.batches() - 1;
            assertThat(Long.toString(layout.proof(lastBatch, layout.counters() - 1, 15))).hasSize(layout.width());
            // 256 times the 2^24 proofs expected for the course's 6 hex zeros
            assertThat(layout.proofs()).as("length %d", length).isGreaterThanOrEqualTo(0x1p32);
        }
        // two compressions per proof only where the lengths leave no choice: 45..48 bytes modulo 64
        assertThat(withPaddingBlock).isLessThanOrEqualTo(4 * (3000 / 64 + 1));
    }

    @Test
    void harderTargetsGetWiderLayouts() {
        // 44 bytes: the one-block layouts end at width 11 (2^34.7 proofs), enough for 24 bits but not for 32
        assertThat(ProofLayout.choose(44, 24).paddingBlock()).isFalse();
        assertThat(ProofLayout.choose(44, 32).paddingBlock()).isTrue();
        assertThat(ProofLayout.choose(44, 32).proofs()).isGreaterThanOrEqualTo(0x1p40);
    }

    @Test
    void proofsReadBatchThenCounterThenSlot() {
        ProofLayout layout = new ProofLayout(10, 12, 4);
        assertThat(layout.prefixDigits()).isEqualTo(6);
        assertThat(layout.proof(0, 0, 0)).isEqualTo(100000_0000_00L);
        assertThat(layout.proof(123, 4567, 15)).isEqualTo(100123_4567_15L);
        assertThat(layout.batches()).isEqualTo(900_000);
        assertThat(layout.proofsPerBatch()).isEqualTo(10_000 * ProofLayout.SLOTS);
    }
}
