package dev.blockmine.pow.engine;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The slots in lanes: one pass per vector of slots (1 with 16 lanes, 2 with 8, 4 with 4). The schedule lives in an
 * int array, one vector per word; the working variables stay in registers. The species and the written-out phases
 * are explained in {@link VectorNonceKernel}.
 */
final class VectorTailKernel implements TailKernel {

    /** A constant, as the Vector API needs to compile to SIMD instructions. */
    private static final VectorSpecies<Integer> S = VectorKernels.SPECIES;

    private final SlotDigits slots;
    /** Schedule plus round constants, one vector per round. */
    private final int[] w;
    /** Chaining value after the digit block, one vector per word, when a padding block follows. */
    private final int[] padChain;

    VectorTailKernel(SlotDigits slots) {
        this.slots = slots;
        this.w = new int[64 * S.length()];
        this.padChain = new int[8 * S.length()];
    }

    @Override
    public int scan(int[] words, int[] state, int from, int[] chain, int[] paddingKw, int mask) {
        int lanes = S.length();
        int hits = 0;
        for (int first = 0; first < ProofLayout.SLOTS; first += lanes) {
            schedule(words, first);
            if (paddingKw == null) {
                hits |= rounds(state, from, chain, null, mask) << first;
            } else {
                rounds(state, from, chain, padChain, 0);
                hits |= padding(paddingKw, mask) << first;
            }
        }
        return hits;
    }

    /** The schedule plus constants of the slots {@code [firstSlot, firstSlot + lanes)} into {@code w}. */
    private void schedule(int[] words, int firstSlot) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] w = this.w;
        for (int t = 0; t < 16; t++) {
            IntVector.broadcast(s, words[t]).intoArray(w, t * n);
        }
        int j = slots.firstWord() * n;
        IntVector.fromArray(s, w, j).or(IntVector.fromArray(s, slots.firstBits(), firstSlot)).intoArray(w, j);
        j = slots.secondWord() * n;
        IntVector.fromArray(s, w, j).or(IntVector.fromArray(s, slots.secondBits(), firstSlot)).intoArray(w, j);
        for (int t = 16; t < 64; t++) {
            IntVector x2 = IntVector.fromArray(s, w, (t - 2) * n);
            IntVector x15 = IntVector.fromArray(s, w, (t - 15) * n);
            x2.lanewise(ROR, 17).lanewise(XOR, x2.lanewise(ROR, 19)).lanewise(XOR, x2.lanewise(LSHR, 10))
                    .add(IntVector.fromArray(s, w, (t - 7) * n))
                    .add(x15.lanewise(ROR, 7).lanewise(XOR, x15.lanewise(ROR, 18)).lanewise(XOR, x15.lanewise(LSHR, 3)))
                    .add(IntVector.fromArray(s, w, (t - 16) * n))
                    .intoArray(w, t * n);
        }
        int[] k = Sha256.K;
        for (int t = 0; t < 64; t++) {
            IntVector.fromArray(s, w, t * n).add(k[t]).intoArray(w, t * n);
        }
    }

    /**
     * Rounds {@code [from, 64)} from the shared working variables. Without a padding block: bit i set when lane i's
     * digest word 0 passes. With one: the chaining value after the digit block goes to {@code out}.
     */
    private int rounds(int[] state, int from, int[] chain, int[] out, int mask) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] w = this.w;
        IntVector a = IntVector.broadcast(s, state[0]);
        IntVector b = IntVector.broadcast(s, state[1]);
        IntVector c = IntVector.broadcast(s, state[2]);
        IntVector d = IntVector.broadcast(s, state[3]);
        IntVector e = IntVector.broadcast(s, state[4]);
        IntVector f = IntVector.broadcast(s, state[5]);
        IntVector g = IntVector.broadcast(s, state[6]);
        IntVector h = IntVector.broadcast(s, state[7]);
        IntVector bc = b.lanewise(XOR, c);
        for (int t = from; t < 64; t++) {
            IntVector t1 = h
                    .add(e.lanewise(ROR, 6).lanewise(XOR, e.lanewise(ROR, 11)).lanewise(XOR, e.lanewise(ROR, 25)))
                    .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
                    .add(IntVector.fromArray(s, w, t * n));
            // maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), and this round's a ^ b is the next round's b ^ c
            IntVector ab = a.lanewise(XOR, b);
            IntVector t2 = a.lanewise(ROR, 2).lanewise(XOR, a.lanewise(ROR, 13)).lanewise(XOR, a.lanewise(ROR, 22))
                    .add(b.lanewise(XOR, ab.and(bc)));
            bc = ab;
            h = g;
            g = f;
            f = e;
            e = d.add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.add(t2);
        }
        if (out == null) {
            return (int) a.add(chain[0]).and(mask).compare(VectorOperators.EQ, 0).toLong();
        }
        a.add(chain[0]).intoArray(out, 0);
        b.add(chain[1]).intoArray(out, n);
        c.add(chain[2]).intoArray(out, 2 * n);
        d.add(chain[3]).intoArray(out, 3 * n);
        e.add(chain[4]).intoArray(out, 4 * n);
        f.add(chain[5]).intoArray(out, 5 * n);
        g.add(chain[6]).intoArray(out, 6 * n);
        h.add(chain[7]).intoArray(out, 7 * n);
        return 0;
    }

    /** Compresses the padding block, the same for every lane, after {@code padChain}; returns the pass bits. */
    private int padding(int[] kw, int mask) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] ch = this.padChain;
        IntVector a = IntVector.fromArray(s, ch, 0);
        IntVector b = IntVector.fromArray(s, ch, n);
        IntVector c = IntVector.fromArray(s, ch, 2 * n);
        IntVector d = IntVector.fromArray(s, ch, 3 * n);
        IntVector e = IntVector.fromArray(s, ch, 4 * n);
        IntVector f = IntVector.fromArray(s, ch, 5 * n);
        IntVector g = IntVector.fromArray(s, ch, 6 * n);
        IntVector h = IntVector.fromArray(s, ch, 7 * n);
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
        IntVector first = IntVector.fromArray(s, ch, 0).add(a);
        return (int) first.and(mask).compare(VectorOperators.EQ, 0).toLong();
    }
}
