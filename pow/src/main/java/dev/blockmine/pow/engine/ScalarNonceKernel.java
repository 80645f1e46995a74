package dev.blockmine.pow.engine;

/** The 16 nonces one after the other in plain int arithmetic. */
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
        for (int slot = 0; slot < 16; slot++) {
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
                roundsWithKw(s, kw, 64 * block);
            }
            if (((chain[0] + s[0]) & mask) == 0) {
                hits |= 1 << slot;
            }
        }
        return hits;
    }

    /** 64 rounds whose schedule words already include the round constants. */
    private static void roundsWithKw(int[] s, int[] kw, int offset) {
        int a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + Sha256.bigSigma1(e) + (g ^ (e & (f ^ g))) + kw[offset + t];
            int t2 = Sha256.bigSigma0(a) + ((a & b) | (c & (a | b)));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        s[0] = a;
        s[1] = b;
        s[2] = c;
        s[3] = d;
        s[4] = e;
        s[5] = f;
        s[6] = g;
        s[7] = h;
    }
}
