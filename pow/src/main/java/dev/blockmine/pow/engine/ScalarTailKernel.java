package dev.blockmine.pow.engine;

/** The slots one after the other in plain int arithmetic: the fallback when there is no usable Vector API. */
final class ScalarTailKernel implements TailKernel {

    private final SlotDigits slots;
    private final int[] w = new int[64];
    private final int[] padState = new int[8];

    ScalarTailKernel(SlotDigits slots) {
        this.slots = slots;
    }

    @Override
    public int scan(int[] words, int[] state, int from, int[] chain, int[] paddingKw, int mask) {
        int hits = 0;
        int[] k = Sha256.K;
        for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
            System.arraycopy(words, 0, w, 0, 16);
            w[slots.firstWord()] |= slots.firstBits()[slot];
            w[slots.secondWord()] |= slots.secondBits()[slot];
            for (int t = 16; t < 64; t++) {
                w[t] = Sha256.smallSigma1(w[t - 2]) + w[t - 7] + Sha256.smallSigma0(w[t - 15]) + w[t - 16];
            }
            int a = state[0], b = state[1], c = state[2], d = state[3];
            int e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = from; t < 64; t++) {
                int t1 = h + Sha256.bigSigma1(e) + (g ^ (e & (f ^ g))) + k[t] + w[t];
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
            int word0 = a + chain[0];
            if (paddingKw != null) {
                int[] s2 = padState;
                s2[0] = word0;
                s2[1] = b + chain[1];
                s2[2] = c + chain[2];
                s2[3] = d + chain[3];
                s2[4] = e + chain[4];
                s2[5] = f + chain[5];
                s2[6] = g + chain[6];
                s2[7] = h + chain[7];
                Sha256.roundsWithKw(s2, paddingKw, 0);
                word0 += s2[0];
            }
            if ((word0 & mask) == 0) {
                hits |= 1 << slot;
            }
        }
        return hits;
    }
}
