package dev.blockmine.pow.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the JDK Vector API with lanes of 32-bit ints: 16 (AVX-512), 8 (AVX2) or 4, one width per JVM.
 * The width is the CPU's preferred one, or narrower when the system property {@value #BITS_PROPERTY} asks for
 * 128 or 256 bits (the tests run each width in its own JVM this way).
 */
final class VectorKernels implements Kernels {

    static final String BITS_PROPERTY = "blockmine.vector.bits";
    static final VectorSpecies<Integer> SPECIES = species();

    private static VectorSpecies<Integer> species() {
        int preferred = IntVector.SPECIES_PREFERRED.vectorBitSize();
        int bits = Math.min(Math.min(preferred, 512), Integer.getInteger(BITS_PROPERTY, preferred));
        return VectorSpecies.of(int.class, VectorShape.forBitSize(bits));
    }

    static int lanes() {
        return SPECIES.length();
    }

    /** The widest species this CPU runs natively, in lanes of ints. */
    static int preferredLanes() {
        return IntVector.SPECIES_PREFERRED.length();
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.length() + "x32";
    }

    @Override
    public TailKernel tail(SlotDigits slots) {
        return new VectorTailKernel(slots);
    }

    @Override
    public NonceKernel nonce(NonceJob job) {
        return new VectorNonceKernel(job);
    }
}
