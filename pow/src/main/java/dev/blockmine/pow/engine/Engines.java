package dev.blockmine.pow.engine;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

import dev.blockmine.pow.search.DigestNonceSearch;
import dev.blockmine.pow.search.DigestProofSearch;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;

/**
 * Builds search engines. Nothing here touches {@code jdk.incubator.vector} unless the module is in the boot layer,
 * so the scalar fallback works on a JVM started without {@code --add-modules jdk.incubator.vector}.
 */
public final class Engines {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Narrower than 256 bits (or no SIMD at all, where the API emulates lanes in Java), scalar is faster. */
    private static final int MIN_VECTOR_LANES = 8;

    private Engines() {
    }

    public static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Whether MessageDigest runs on the CPU's SHA instructions (HotSpot's {@code UseSHA}). */
    public static boolean shaIntrinsics() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("UseSHA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no jdk.management: assume no intrinsics
        }
    }

    /** Null when the vector engine can run well here, else why not. */
    public static String whyNoVector() {
        if (!vectorModuleLoaded()) {
            return "the JVM was started without --add-modules " + VECTOR_MODULE;
        }
        int lanes = VectorKernels.preferredLanes();
        if (lanes < MIN_VECTOR_LANES) {
            return "the CPU's preferred vectors hold " + lanes + " ints (need " + MIN_VECTOR_LANES + ")";
        }
        return null;
    }

    /**
     * What {@code kind} becomes on this machine. AUTO: VECTOR when it can run well; else DIGEST when the JVM hashes
     * with the CPU's SHA instructions (SHA-NI: faster than any plain-int loop); else SCALAR.
     */
    public static EngineKind resolve(EngineKind kind) {
        if (kind == EngineKind.AUTO) {
            return whyNoVector() == null ? EngineKind.VECTOR : shaIntrinsics() ? EngineKind.DIGEST : EngineKind.SCALAR;
        }
        if (kind == EngineKind.VECTOR && !vectorModuleLoaded()) {
            throw new IllegalStateException("vector engine asked for, but " + whyNoVector());
        }
        return kind;
    }

    public static ProofSearch proofSearch(EngineKind kind, int threads) {
        EngineKind resolved = resolve(kind);
        return resolved == EngineKind.DIGEST ? new DigestProofSearch(threads)
                : new LaneProofSearch(kernels(resolved), threads);
    }

    public static NonceSearch nonceSearch(EngineKind kind, int threads) {
        EngineKind resolved = resolve(kind);
        return resolved == EngineKind.DIGEST ? new DigestNonceSearch(threads)
                : new LaneNonceSearch(kernels(resolved), threads);
    }

    /** The kernel family of a lane engine, {@code kind} already {@link #resolve resolved}. */
    static Kernels kernels(EngineKind kind) {
        return switch (kind) {
            case SCALAR -> new ScalarKernels();
            case VECTOR -> new VectorKernels();
            case DIGEST, AUTO -> throw new IllegalArgumentException(kind + " has no kernels of its own");
        };
    }

    /** Lanes of the vector engine in this JVM (0 without the module): see {@link VectorKernels}. */
    public static int vectorLanes() {
        return vectorModuleLoaded() ? VectorKernels.lanes() : 0;
    }
}
