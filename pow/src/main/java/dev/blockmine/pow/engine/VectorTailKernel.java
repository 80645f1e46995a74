package dev.blockmine.pow.engine;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The slots in lanes, two vectors of slots at a time (x and y: 32 slots with 16 lanes, two passes with 8, four
 * with 4). One vector alone leaves the core waiting: each SHA-256 round needs the previous one's result, and that
 * chain (four dependent 2-cycle operations per round on the development CPU) is longer than the time the core
 * needs to issue the round's instructions. So the rounds of x and y run interleaved, and each round also computes
 * the schedule word it consumes, which is independent work that fills the remaining gaps (see the README's
 * roofline). The working variables stay in registers, the schedules in int arrays (one vector per word). The
 * species and the written-out phases are explained in {@link VectorNonceKernel}.
 */
final class VectorTailKernel implements TailKernel {

    /** A constant, as the Vector API needs to compile to SIMD instructions. */
    private static final VectorSpecies<Integer> S = VectorKernels.SPECIES;

    private final SlotDigits slots;
    /** Message schedules of x and y, one vector per word. */
    private final int[] wx;
    private final int[] wy;
    /** Chaining values of x (words 0..7) then y (8..15) after the digit block, when a padding block follows. */
    private final int[] padChain;
    /** Schedule words that depend on no slot digit, the same in every lane (7 of 48 for a 101-byte block string). */
    private final boolean[] uniform;
    /** Those words, computed in scalar code once per call instead of in every vector. */
    private final int[] shared = new int[64];

    VectorTailKernel(SlotDigits slots) {
        this.slots = slots;
        int n = S.length();
        this.wx = new int[64 * n];
        this.wy = new int[64 * n];
        this.padChain = new int[16 * n];
        this.uniform = new boolean[64];
        for (int t = 0; t < 64; t++) {
            uniform[t] = t < 16 ? t != slots.firstWord() && t != slots.secondWord()
                    : uniform[t - 2] && uniform[t - 7] && uniform[t - 15] && uniform[t - 16];
        }
    }

    @Override
    public int scan(int[] words, int[] state, int from, int[] chain, int[] paddingKw, int mask) {
        int lanes = S.length();
        long hits = 0;
        int[] sw = shared;
        System.arraycopy(words, 0, sw, 0, 16);
        for (int t = 16; t < 64; t++) {
            if (uniform[t]) {
                sw[t] = Sha256.smallSigma1(sw[t - 2]) + sw[t - 7] + Sha256.smallSigma0(sw[t - 15]) + sw[t - 16];
            }
        }
        for (int first = 0; first < ProofLayout.SLOTS; first += 2 * lanes) {
            message(words, first, wx);
            message(words, first + lanes, wy);
            if (paddingKw == null) {
                hits |= rounds(state, from, chain, null, mask) << first;
            } else {
                rounds(state, from, chain, padChain, 0);
                hits |= (padding(paddingKw, 0, mask) | padding(paddingKw, 8, mask) << lanes) << first;
            }
        }
        return (int) hits;
    }

    /** The 16 message words of the slots {@code [firstSlot, firstSlot + lanes)} into {@code w}. */
    private void message(int[] words, int firstSlot, int[] w) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        for (int t = 0; t < 16; t++) {
            IntVector.broadcast(s, words[t]).intoArray(w, t * n);
        }
        int j = slots.firstWord() * n;
        IntVector.fromArray(s, w, j).or(IntVector.fromArray(s, slots.firstBits(), firstSlot)).intoArray(w, j);
        j = slots.secondWord() * n;
        IntVector.fromArray(s, w, j).or(IntVector.fromArray(s, slots.secondBits(), firstSlot)).intoArray(w, j);
    }

    /**
     * Rounds {@code [from, 64)} of x and y from the shared working variables, with the schedule words from 16 on
     * computed in the round that consumes them (or broadcast, where they are the same in every lane). Without a
     * padding block: bit i set when lane i's digest word 0 passes (x in the low lanes, y above). With one: the
     * chaining values after the digit block go to {@code out}.
     */
    private long rounds(int[] state, int from, int[] chain, int[] out, int mask) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        IntVector xa = IntVector.broadcast(s, state[0]);
        IntVector xb = IntVector.broadcast(s, state[1]);
        IntVector xc = IntVector.broadcast(s, state[2]);
        IntVector xd = IntVector.broadcast(s, state[3]);
        IntVector xe = IntVector.broadcast(s, state[4]);
        IntVector xf = IntVector.broadcast(s, state[5]);
        IntVector xg = IntVector.broadcast(s, state[6]);
        IntVector xh = IntVector.broadcast(s, state[7]);
        IntVector ya = xa, yb = xb, yc = xc, yd = xd, ye = xe, yf = xf, yg = xg, yh = xh;
        int[] k = Sha256.K;
        int[] wx = this.wx;
        int[] wy = this.wy;
        int t = from;
        for (; t < 16; t++) {
            IntVector xk = IntVector.fromArray(s, wx, t * n).add(k[t]);
            IntVector yk = IntVector.fromArray(s, wy, t * n).add(k[t]);
            // C2 turns Ch, Maj and each three-way XOR into one vpternlogd where AVX-512 has it
            IntVector xt1 = xh.add(xk).add(xg.lanewise(XOR, xe.and(xf.lanewise(XOR, xg))))
                    .add(xe.lanewise(ROR, 6).lanewise(XOR, xe.lanewise(ROR, 11)).lanewise(XOR, xe.lanewise(ROR, 25)));
            IntVector xt2 = xa.lanewise(ROR, 2).lanewise(XOR, xa.lanewise(ROR, 13)).lanewise(XOR, xa.lanewise(ROR, 22))
                    .add(xa.and(xb).or(xc.and(xa.or(xb))));
            IntVector yt1 = yh.add(yk).add(yg.lanewise(XOR, ye.and(yf.lanewise(XOR, yg))))
                    .add(ye.lanewise(ROR, 6).lanewise(XOR, ye.lanewise(ROR, 11)).lanewise(XOR, ye.lanewise(ROR, 25)));
            IntVector yt2 = ya.lanewise(ROR, 2).lanewise(XOR, ya.lanewise(ROR, 13)).lanewise(XOR, ya.lanewise(ROR, 22))
                    .add(ya.and(yb).or(yc.and(ya.or(yb))));
            xh = xg;
            xg = xf;
            xf = xe;
            xe = xd.add(xt1);
            xd = xc;
            xc = xb;
            xb = xa;
            xa = xt1.add(xt2);
            yh = yg;
            yg = yf;
            yf = ye;
            ye = yd.add(yt1);
            yd = yc;
            yc = yb;
            yb = ya;
            ya = yt1.add(yt2);
        }
        boolean[] uniform = this.uniform;
        int[] sw = this.shared;
        for (; t < 64; t++) {
            IntVector xw;
            IntVector yw;
            if (uniform[t]) {
                xw = IntVector.broadcast(s, sw[t]);
                yw = xw;
            } else {
                IntVector x15 = IntVector.fromArray(s, wx, (t - 15) * n);
                IntVector x2 = IntVector.fromArray(s, wx, (t - 2) * n);
                xw = x2.lanewise(ROR, 17).lanewise(XOR, x2.lanewise(ROR, 19))
                        .lanewise(XOR, x2.lanewise(LSHR, 10))
                        .add(IntVector.fromArray(s, wx, (t - 7) * n)).add(IntVector.fromArray(s, wx, (t - 16) * n))
                        .add(x15.lanewise(ROR, 7).lanewise(XOR, x15.lanewise(ROR, 18))
                                .lanewise(XOR, x15.lanewise(LSHR, 3)));
                IntVector y15 = IntVector.fromArray(s, wy, (t - 15) * n);
                IntVector y2 = IntVector.fromArray(s, wy, (t - 2) * n);
                yw = y2.lanewise(ROR, 17).lanewise(XOR, y2.lanewise(ROR, 19))
                        .lanewise(XOR, y2.lanewise(LSHR, 10))
                        .add(IntVector.fromArray(s, wy, (t - 7) * n)).add(IntVector.fromArray(s, wy, (t - 16) * n))
                        .add(y15.lanewise(ROR, 7).lanewise(XOR, y15.lanewise(ROR, 18))
                                .lanewise(XOR, y15.lanewise(LSHR, 3)));
            }
            xw.intoArray(wx, t * n);
            yw.intoArray(wy, t * n);
            IntVector xk = xw.add(k[t]);
            IntVector yk = yw.add(k[t]);
            // C2 turns Ch, Maj and each three-way XOR into one vpternlogd where AVX-512 has it
            IntVector xt1 = xh.add(xk).add(xg.lanewise(XOR, xe.and(xf.lanewise(XOR, xg))))
                    .add(xe.lanewise(ROR, 6).lanewise(XOR, xe.lanewise(ROR, 11)).lanewise(XOR, xe.lanewise(ROR, 25)));
            IntVector xt2 = xa.lanewise(ROR, 2).lanewise(XOR, xa.lanewise(ROR, 13)).lanewise(XOR, xa.lanewise(ROR, 22))
                    .add(xa.and(xb).or(xc.and(xa.or(xb))));
            IntVector yt1 = yh.add(yk).add(yg.lanewise(XOR, ye.and(yf.lanewise(XOR, yg))))
                    .add(ye.lanewise(ROR, 6).lanewise(XOR, ye.lanewise(ROR, 11)).lanewise(XOR, ye.lanewise(ROR, 25)));
            IntVector yt2 = ya.lanewise(ROR, 2).lanewise(XOR, ya.lanewise(ROR, 13)).lanewise(XOR, ya.lanewise(ROR, 22))
                    .add(ya.and(yb).or(yc.and(ya.or(yb))));
            xh = xg;
            xg = xf;
            xf = xe;
            xe = xd.add(xt1);
            xd = xc;
            xc = xb;
            xb = xa;
            xa = xt1.add(xt2);
            yh = yg;
            yg = yf;
            yf = ye;
            ye = yd.add(yt1);
            yd = yc;
            yc = yb;
            yb = ya;
            ya = yt1.add(yt2);
        }
        if (out == null) {
            long x = xa.add(chain[0]).and(mask).compare(VectorOperators.EQ, 0).toLong();
            long y = ya.add(chain[0]).and(mask).compare(VectorOperators.EQ, 0).toLong();
            return x | y << n;
        }
        xa.add(chain[0]).intoArray(out, 0);
        xb.add(chain[1]).intoArray(out, n);
        xc.add(chain[2]).intoArray(out, 2 * n);
        xd.add(chain[3]).intoArray(out, 3 * n);
        xe.add(chain[4]).intoArray(out, 4 * n);
        xf.add(chain[5]).intoArray(out, 5 * n);
        xg.add(chain[6]).intoArray(out, 6 * n);
        xh.add(chain[7]).intoArray(out, 7 * n);
        ya.add(chain[0]).intoArray(out, 8 * n);
        yb.add(chain[1]).intoArray(out, 9 * n);
        yc.add(chain[2]).intoArray(out, 10 * n);
        yd.add(chain[3]).intoArray(out, 11 * n);
        ye.add(chain[4]).intoArray(out, 12 * n);
        yf.add(chain[5]).intoArray(out, 13 * n);
        yg.add(chain[6]).intoArray(out, 14 * n);
        yh.add(chain[7]).intoArray(out, 15 * n);
        return 0;
    }

    /**
     * Compresses the padding block, the same for every lane, after the chaining value at word {@code word} of
     * {@code padChain} (0 for x, 8 for y); returns the pass bits.
     */
    private long padding(int[] kw, int word, int mask) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] ch = this.padChain;
        int at = word * n;
        IntVector a = IntVector.fromArray(s, ch, at);
        IntVector b = IntVector.fromArray(s, ch, at + n);
        IntVector c = IntVector.fromArray(s, ch, at + 2 * n);
        IntVector d = IntVector.fromArray(s, ch, at + 3 * n);
        IntVector e = IntVector.fromArray(s, ch, at + 4 * n);
        IntVector f = IntVector.fromArray(s, ch, at + 5 * n);
        IntVector g = IntVector.fromArray(s, ch, at + 6 * n);
        IntVector h = IntVector.fromArray(s, ch, at + 7 * n);
        for (int t = 0; t < 64; t++) {
            IntVector t1 = h
                    .add(e.lanewise(ROR, 6).lanewise(XOR, e.lanewise(ROR, 11)).lanewise(XOR, e.lanewise(ROR, 25)))
                    .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
                    .add(kw[t]);
            IntVector t2 = a.lanewise(ROR, 2).lanewise(XOR, a.lanewise(ROR, 13)).lanewise(XOR, a.lanewise(ROR, 22))
                    .add(a.and(b).or(c.and(a.or(b))));
            h = g;
            g = f;
            f = e;
            e = d.add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.add(t2);
        }
        IntVector first = IntVector.fromArray(s, ch, at).add(a);
        return first.and(mask).compare(VectorOperators.EQ, 0).toLong();
    }
}
