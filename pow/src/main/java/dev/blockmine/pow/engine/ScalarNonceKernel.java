package dev.blockmine.pow.engine;

/** The nonces one after the other in plain int arithmetic. */
final class ScalarNonceKernel implements NonceKernel {

    private final NonceJob job;
    private final int[] w = new int[64];
    private final int[] chain = new int[8];
    private final int[] s = new int[8];

    ScalarNonceKernel(NonceJob job) {
        this.job = job;
    }

    @Override
    public int scan(int base, int mask) {
        int hits = 0;
        int[] kw = job.laterKw();
        for (int slot = 0; slot < NONCES; slot++) {
            System.arraycopy(job.firstBlock(), 0, w, 0, 16);
            w[0] = NonceJob.nonceWord(base + slot);
            for (int t = 16; t < 64; t++) {
                w[t] = Sha256.smallSigma1(w[t - 2]) + w[t - 7] + Sha256.smallSigma0(w[t - 15]) + w[t - 16];
            }
            System.arraycopy(Sha256.IV, 0, chain, 0, 8);
            System.arraycopy(Sha256.IV, 0, s, 0, 8);
            Sha256.rounds(s, w, 0, 64);
            for (int block = 0; block < job.laterBlocks(); block++) {
                for (int i = 0; i < 8; i++) {
                    chain[i] += s[i];
                    s[i] = chain[i];
                }
                Sha256.roundsWithKw(s, kw, 64 * block);
            }
            if (((chain[0] + s[0]) & mask) == 0) {
                hits |= 1 << slot;
            }
        }
        return hits;
    }
}
