package dev.blockmine.pow.engine;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Consecutive nonces in lanes. The first block (nonce in word 0) gets a lane-wise schedule; the later blocks use
 * the job's precomputed schedules, broadcast round by round. One species per JVM ({@link VectorKernels#SPECIES}):
 * the Vector API compiles to SIMD only where the species is a constant, and a kernel shared by several species
 * would see none.
 * <p>
 * Why the code is written out instead of calling helpers: C2 inlines only so many IR nodes into one compiled
 * method, and a vector that crosses a call that was not inlined is boxed on the heap (10x slower). So each phase
 * is one method longer than C2's inlining limit (325 bytecodes), compiled on its own with a fresh budget, with the
 * SHA-256 functions spelled out in it; phases hand vectors over in small int arrays, never as arguments.
 */
final class VectorNonceKernel implements NonceKernel {

    /** A constant, as the Vector API needs to compile to SIMD instructions. */
    private static final VectorSpecies<Integer> S = VectorKernels.SPECIES;

    private final NonceJob job;
    /** First block's schedule plus round constants, one vector per round. */
    private final int[] w;
    /** Chaining value, one vector per word. */
    private final int[] chain;
    /** Lane i holds i << 24: the low nonce byte is the high byte of word 0. */
    private final int[] laneBytes;

    VectorNonceKernel(NonceJob job) {
        this.job = job;
        int n = S.length();
        this.w = new int[64 * n];
        this.chain = new int[8 * n];
        this.laneBytes = new int[n];
        for (int i = 0; i < n; i++) {
            laneBytes[i] = i << 24;
        }
    }

    @Override
    public int scan(int base, int mask) {
        int lanes = S.length();
        int hits = 0;
        for (int first = 0; first < 16; first += lanes) {
            firstSchedule(base + first);
            compress(null, 0);
            int[] kw = job.laterKw();
            for (int offset = 0; offset < kw.length; offset += 64) {
                compress(kw, offset);
            }
            hits |= (int) IntVector.fromArray(S, chain, 0).and(mask).compare(VectorOperators.EQ, 0).toLong()
                    << first;
        }
        return hits;
    }

    /** The first block's schedule plus constants into {@code w}; word 0 holds each lane's nonce. Resets the chain. */
    private void firstSchedule(int base) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] w = this.w;
        int[] block = job.firstBlock();
        IntVector.broadcast(s, NonceJob.nonceWord(base)).or(IntVector.fromArray(s, laneBytes, 0)).intoArray(w, 0);
        for (int t = 1; t < 16; t++) {
            IntVector.broadcast(s, block[t]).intoArray(w, t * n);
        }
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
        int[] chain = this.chain;
        for (int i = 0; i < 8; i++) {
            IntVector.broadcast(s, Sha256.IV[i]).intoArray(chain, i * n);
        }
    }

    /**
     * Compresses one block into {@code chain}: the first block when {@code kw} is null (lane-wise schedule in
     * {@code w}), else a later block whose schedule plus constants, the same for every lane, is at {@code kw[offset]}.
     */
    private void compress(int[] kw, int offset) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] w = this.w;
        int[] ch = this.chain;
        IntVector a = IntVector.fromArray(s, ch, 0);
        IntVector b = IntVector.fromArray(s, ch, n);
        IntVector c = IntVector.fromArray(s, ch, 2 * n);
        IntVector d = IntVector.fromArray(s, ch, 3 * n);
        IntVector e = IntVector.fromArray(s, ch, 4 * n);
        IntVector f = IntVector.fromArray(s, ch, 5 * n);
        IntVector g = IntVector.fromArray(s, ch, 6 * n);
        IntVector h = IntVector.fromArray(s, ch, 7 * n);
        for (int t = 0; t < 64; t++) {
            IntVector k = kw == null ? IntVector.fromArray(s, w, t * n) : IntVector.broadcast(s, kw[offset + t]);
            IntVector t1 = h
                    .add(e.lanewise(ROR, 6).lanewise(XOR, e.lanewise(ROR, 11)).lanewise(XOR, e.lanewise(ROR, 25)))
                    .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
                    .add(k);
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
        IntVector.fromArray(s, ch, 0).add(a).intoArray(ch, 0);
        IntVector.fromArray(s, ch, n).add(b).intoArray(ch, n);
        IntVector.fromArray(s, ch, 2 * n).add(c).intoArray(ch, 2 * n);
        IntVector.fromArray(s, ch, 3 * n).add(d).intoArray(ch, 3 * n);
        IntVector.fromArray(s, ch, 4 * n).add(e).intoArray(ch, 4 * n);
        IntVector.fromArray(s, ch, 5 * n).add(f).intoArray(ch, 5 * n);
        IntVector.fromArray(s, ch, 6 * n).add(g).intoArray(ch, 6 * n);
        IntVector.fromArray(s, ch, 7 * n).add(h).intoArray(ch, 7 * n);
    }
}
