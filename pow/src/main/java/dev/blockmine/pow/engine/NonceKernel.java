package dev.blockmine.pow.engine;

/** Hashes 16 consecutive nonces of one job and tells which may meet the target. One per search thread. */
interface NonceKernel {

    /** Nonces per call. */
    int NONCES = 16;

    /**
     * @param base the first of the 16 nonces, a multiple of 16
     * @param mask digest word 0 must have these bits clear ({@link dev.blockmine.pow.ProofRule#firstWordMask})
     * @return bit {@code i} set when nonce {@code base + i} passes the mask
     */
    int scan(int base, int mask);
}
