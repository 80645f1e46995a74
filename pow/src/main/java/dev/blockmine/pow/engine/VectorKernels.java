package dev.blockmine.pow.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/** SIMD kernels on the JDK Vector API with lanes of 32-bit ints: 16 (AVX-512), 8 (AVX2) or 4. */
final class VectorKernels implements Kernels {

    private final VectorSpecies<Integer> species;

    /** @param lanes 4, 8 or 16 */
    VectorKernels(int lanes) {
        this.species = switch (lanes) {
            case 16 -> IntVector.SPECIES_512;
            case 8 -> IntVector.SPECIES_256;
            case 4 -> IntVector.SPECIES_128;
            default -> throw new IllegalArgumentException("lanes must be 4, 8 or 16, was " + lanes);
        };
    }

    /** The widest species this CPU runs natively, in lanes of ints. */
    static int preferredLanes() {
        return IntVector.SPECIES_PREFERRED.length();
    }

    @Override
    public String name() {
        return "vector-" + species.length() + "x32";
    }

    @Override
    public TailKernel tail(SlotDigits slots) {
        return VectorTailKernel.of(species, slots);
    }

    @Override
    public NonceKernel nonce(NonceJob job) {
        return VectorNonceKernel.of(species, job);
    }
}
