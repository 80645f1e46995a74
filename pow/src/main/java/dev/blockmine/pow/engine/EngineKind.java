package dev.blockmine.pow.engine;

/** Which search engine to build; what {@code --engine} takes. */
public enum EngineKind {
    /**
     * vector when the Vector API module is loaded and the CPU has 256-bit SIMD or wider; else digest when the JVM
     * uses the CPU's SHA instructions; else scalar
     */
    AUTO,
    /** the Vector API over the widest preferred species */
    VECTOR,
    /** one compression per proof in plain int arithmetic */
    SCALAR,
    /** {@link java.security.MessageDigest} (SHA-NI intrinsics where the JVM has them) */
    DIGEST
}
