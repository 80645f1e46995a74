package dev.blockmine.pow.engine;

/** Hashes {@value #NONCES} consecutive nonces of one job and tells which may meet the target. One per search thread. */
interface NonceKernel {

    /** Nonces per call: two 512-bit vectors of ints, which the vector kernel runs interleaved. */
    int NONCES = 32;

    /**
     * @param base the first of the nonces, a multiple of {@value #NONCES}
     * @param mask digest word 0 must have these bits clear ({@link dev.blockmine.pow.ProofRule#firstWordMask})
     * @return bit {@code i} set when nonce {@code base + i} passes the mask
     */
    int scan(int base, int mask);
}
