package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.blockmine.pow.BinaryRule;

/** Every kernel family against MessageDigest for the binary rule, at data lengths around the block boundaries. */
class NonceKernelTest {

    @ParameterizedTest(name = "{0} data bytes")
    @ValueSource(ints = {0, 1, 51, 52, 55, 56, 59, 60, 61, 64, 100, 115, 116, 1023, 1024, 1025})
    void digestWordZeroOfEveryNonceMatchesMessageDigest(int length) {
        Random random = new Random(length);
        byte[] data = new byte[length];
        random.nextBytes(data);
        NonceJob job = NonceJob.of(data);
        int[] bases = {0, random.nextInt() & -NonceKernel.NONCES, -NonceKernel.NONCES};
        for (Kernels family : KernelFamilies.all()) {
            NonceKernel kernel = family.nonce(job);
            for (int base : bases) {
                int[] words = KernelFamilies.firstWords(mask -> kernel.scan(base, mask));
                for (int i = 0; i < NonceKernel.NONCES; i++) {
                    long nonce = (base + i) & 0xffff_ffffL;
                    assertThat(words[i]).as("%s, nonce %d", family.name(), nonce)
                            .isEqualTo(KernelFamilies.firstWord(BinaryRule.digest(data, nonce)));
                }
            }
        }
    }
}
