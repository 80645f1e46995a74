package dev.blockmine.pow.engine;

/**
 * Finishes the digit-block compression (and the padding block's, if any) of the {@link ProofLayout#SLOTS} slots of one counter value
 * and tells which digests may meet the target. Not thread-safe: each search thread has its own.
 */
interface TailKernel {

    /**
     * @param words the digit block's 16 words, slot digits left as zero bytes
     * @param state working variables a..h before round {@code from} (the rounds before it do not depend on the slot)
     * @param from  the first round that depends on the slot
     * @param chain the chaining value entering the digit block
     * @param paddingKw schedule plus round constants of the padding block that follows, or null when none does
     * @param mask  digest word 0 must have these bits clear ({@link dev.blockmine.pow.ProofRule#firstWordMask})
     * @return bit {@code i} set when slot {@code i} passes the mask
     */
    int scan(int[] words, int[] state, int from, int[] chain, int[] paddingKw, int mask);
}
