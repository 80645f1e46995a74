package dev.blockmine.pow.engine;

/**
 * One job of the binary rule, prepared for the kernels. The nonce is the first word of the first block, so that
 * block is compressed per nonce; every later block is the same for all nonces, so its message schedule (with the
 * round constants added) is computed here once.
 *
 * @param firstBlock the first block's 16 words, word 0 (the nonce) left zero
 * @param laterKw    64 schedule-plus-constant words per later block, block after block
 */
record NonceJob(int[] firstBlock, int[] laterKw) {

    static NonceJob of(byte[] data) {
        byte[] message = new byte[4 + data.length];
        System.arraycopy(data, 0, message, 4, data.length);
        byte[] padded = Sha256.padded(message);
        int later = padded.length / 64 - 1;
        int[] kw = new int[later * 64];
        for (int block = 0; block < later; block++) {
            System.arraycopy(Sha256.scheduleWithK(Sha256.words(padded, 64 * (block + 1))), 0, kw, 64 * block, 64);
        }
        return new NonceJob(Sha256.words(padded, 0), kw);
    }

    int laterBlocks() {
        return laterKw.length / 64;
    }

    /** Word 0 of the first block for {@code nonce}: its little-endian bytes read big-endian. */
    static int nonceWord(int nonce) {
        return Integer.reverseBytes(nonce);
    }
}
