package dev.blockmine.pow.engine;

/** A family of compression kernels (scalar, or vectors of one width), one kernel per search thread. */
interface Kernels {

    /** For logs and tables, e.g. {@code vector-16x32} or {@code scalar}. */
    String name();

    TailKernel tail(SlotDigits slots);

    NonceKernel nonce(NonceJob job);
}
