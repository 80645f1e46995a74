package dev.blockmine.pow.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every kernel family this JVM can run: scalar, and the Vector API at this JVM's width. Maven runs the engine
 * tests once per width (pow/pom.xml), each in its own JVM.
 */
final class KernelFamilies {

    private KernelFamilies() {
    }

    /** The engine kinds of those families. */
    static List<EngineKind> laneKinds() {
        List<EngineKind> kinds = new ArrayList<>(List.of(EngineKind.SCALAR));
        if (Engines.vectorModuleLoaded()) {
            kinds.add(EngineKind.VECTOR);
        }
        return kinds;
    }

    static List<Kernels> all() {
        List<Kernels> all = new ArrayList<>();
        all.add(new ScalarKernels());
        if (Engines.vectorModuleLoaded()) {
            all.add(new VectorKernels());
        }
        return all;
    }

    /**
     * Digest word 0 of each of the slots, read back through the kernel's only output (the pass/fail bits):
     * one scan per bit, with a mask of that single bit.
     */
    static int[] firstWords(java.util.function.IntUnaryOperator scanWithMask) {
        int[] words = new int[ProofLayout.SLOTS];
        for (int bit = 0; bit < 32; bit++) {
            int clear = scanWithMask.applyAsInt(1 << bit);
            for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
                if ((clear >>> slot & 1) == 0) {
                    words[slot] |= 1 << bit;
                }
            }
        }
        return words;
    }

    static int firstWord(byte[] digest) {
        return Sha256.word(digest, 0);
    }
}
