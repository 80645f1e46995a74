package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.blockmine.pow.ProofRule;

/** Every kernel family against MessageDigest, for block strings of every length modulo 64 and beyond 128 bytes. */
class TailKernelTest {

    static IntStream prefixLengths() {
        return IntStream.concat(IntStream.range(0, 64 + 8), IntStream.of(120, 127, 128, 129, 150, 191, 230, 257, 1000));
    }

    @ParameterizedTest(name = "block string of {0} bytes")
    @MethodSource("prefixLengths")
    void digestWordZeroOfEverySlotMatchesMessageDigest(int length) {
        Random random = new Random(length);
        String blockString = randomText(random, length);
        byte[] prefix = blockString.getBytes(StandardCharsets.UTF_8);
        ProofLayout layout = ProofLayout.choose(prefix.length, 24);
        SlotDigits slots = SlotDigits.of(layout);
        int[] prefixChain = ProofBatch.prefixChain(prefix);
        long batchNumber = layout.batches() == 1 ? 0 : 1 + random.nextLong(layout.batches() - 1);
        for (Kernels family : KernelFamilies.all()) {
            TailKernel kernel = family.tail(slots);
            ProofBatch batch = new ProofBatch(prefix, layout, prefixChain, slots);
            batch.start(batchNumber);
            // 9 -> 10 and 99 -> 100 carry across digits (and words, for some lengths) of the fixed-width counter
            long last = Math.min(layout.counters() - 1, 100);
            for (long counter = 0; counter <= last; counter++) {
                if (counter == 0 || counter == 9 || counter == 10 || counter == 99 || counter == 100) {
                    assertSlotsMatch(family, kernel, batch, blockString, layout);
                }
                if (counter < last) {
                    assertThat(batch.advance()).isTrue();
                }
            }
        }
    }

    private static void assertSlotsMatch(Kernels family, TailKernel kernel, ProofBatch batch, String blockString,
            ProofLayout layout) {
        int[] words = KernelFamilies.firstWords(
                mask -> kernel.scan(batch.words(), batch.state(), batch.slotRound(), batch.chain(), batch.paddingKw(), mask));
        for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
            long proof = batch.proof(slot);
            assertThat(Long.toString(proof)).hasSize(layout.width());
            byte[] expected = ProofRule.digest(blockString, BigInteger.valueOf(proof));
            assertThat(words[slot]).as("%s, proof %d", family.name(), proof)
                    .isEqualTo(KernelFamilies.firstWord(expected));
        }
    }

    /** Mostly ASCII with some two- and three-byte characters, cut to exactly {@code bytes} UTF-8 bytes. */
    static String randomText(Random random, int bytes) {
        StringBuilder text = new StringBuilder();
        int size = 0;
        while (size < bytes) {
            int room = bytes - size;
            int pick = random.nextInt(20);
            String piece = pick == 0 && room >= 3 ? "€" : pick == 1 && room >= 2 ? "é" : String.valueOf((char) (' ' + random.nextInt(95)));
            text.append(piece);
            size += piece.getBytes(StandardCharsets.UTF_8).length;
        }
        return text.toString();
    }
}
