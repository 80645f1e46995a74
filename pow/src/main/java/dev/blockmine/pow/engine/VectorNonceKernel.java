package dev.blockmine.pow.engine;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Consecutive nonces in lanes, two vectors of them at a time (x and y) whose rounds run interleaved: one vector
 * alone leaves the core waiting on each round's dependency chain (see {@link VectorTailKernel}). The first block
 * (nonce in word 0) gets a lane-wise schedule; the later blocks use the job's precomputed schedules, broadcast
 * round by round. One species per JVM ({@link VectorKernels#SPECIES}):
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
    /** First block's schedules plus round constants of x and y, one vector per round. */
    private final int[] wx;
    private final int[] wy;
    /** Chaining values of x (words 0..7) then y (8..15), one vector per word. */
    private final int[] chain;
    /** Lane i holds i << 24: the low nonce byte is the high byte of word 0. */
    private final int[] laneBytes;

    VectorNonceKernel(NonceJob job) {
        this.job = job;
        int n = S.length();
        this.wx = new int[64 * n];
        this.wy = new int[64 * n];
        this.chain = new int[16 * n];
        this.laneBytes = new int[n];
        for (int i = 0; i < n; i++) {
            laneBytes[i] = i << 24;
        }
    }

    @Override
    public int scan(int base, int mask) {
        int lanes = S.length();
        int n = lanes;
        long hits = 0;
        for (int first = 0; first < NONCES; first += 2 * lanes) {
            firstSchedule(base + first, wx);
            firstSchedule(base + first + lanes, wy);
            for (int i = 0; i < 8; i++) {
                IntVector iv = IntVector.broadcast(S, Sha256.IV[i]);
                iv.intoArray(chain, i * n);
                iv.intoArray(chain, (8 + i) * n);
            }
            compress(null, 0);
            int[] kw = job.laterKw();
            for (int offset = 0; offset < kw.length; offset += 64) {
                compress(kw, offset);
            }
            long x = IntVector.fromArray(S, chain, 0).and(mask).compare(VectorOperators.EQ, 0).toLong();
            long y = IntVector.fromArray(S, chain, 8 * n).and(mask).compare(VectorOperators.EQ, 0).toLong();
            hits |= (x | y << lanes) << first;
        }
        return (int) hits;
    }

    /** The first block's schedule plus constants of the nonces {@code [base, base + lanes)} into {@code w}. */
    private void firstSchedule(int base, int[] w) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
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
    }

    /**
     * Compresses one block into the chaining values of x and y: the first block when {@code kw} is null (lane-wise
     * schedules in {@code wx} and {@code wy}), else a later block whose schedule plus constants, the same for every
     * lane, is at {@code kw[offset]}.
     */
    private void compress(int[] kw, int offset) {
        VectorSpecies<Integer> s = S;
        int n = s.length();
        int[] wx = this.wx;
        int[] wy = this.wy;
        int[] ch = this.chain;
        IntVector xa = IntVector.fromArray(s, ch, 0);
        IntVector xb = IntVector.fromArray(s, ch, n);
        IntVector xc = IntVector.fromArray(s, ch, 2 * n);
        IntVector xd = IntVector.fromArray(s, ch, 3 * n);
        IntVector xe = IntVector.fromArray(s, ch, 4 * n);
        IntVector xf = IntVector.fromArray(s, ch, 5 * n);
        IntVector xg = IntVector.fromArray(s, ch, 6 * n);
        IntVector xh = IntVector.fromArray(s, ch, 7 * n);
        IntVector ya = IntVector.fromArray(s, ch, 8 * n);
        IntVector yb = IntVector.fromArray(s, ch, 9 * n);
        IntVector yc = IntVector.fromArray(s, ch, 10 * n);
        IntVector yd = IntVector.fromArray(s, ch, 11 * n);
        IntVector ye = IntVector.fromArray(s, ch, 12 * n);
        IntVector yf = IntVector.fromArray(s, ch, 13 * n);
        IntVector yg = IntVector.fromArray(s, ch, 14 * n);
        IntVector yh = IntVector.fromArray(s, ch, 15 * n);
        for (int t = 0; t < 64; t++) {
            IntVector xk;
            IntVector yk;
            if (kw == null) {
                xk = IntVector.fromArray(s, wx, t * n);
                yk = IntVector.fromArray(s, wy, t * n);
            } else {
                xk = IntVector.broadcast(s, kw[offset + t]);
                yk = xk;
            }
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
        IntVector.fromArray(s, ch, 0).add(xa).intoArray(ch, 0);
        IntVector.fromArray(s, ch, n).add(xb).intoArray(ch, n);
        IntVector.fromArray(s, ch, 2 * n).add(xc).intoArray(ch, 2 * n);
        IntVector.fromArray(s, ch, 3 * n).add(xd).intoArray(ch, 3 * n);
        IntVector.fromArray(s, ch, 4 * n).add(xe).intoArray(ch, 4 * n);
        IntVector.fromArray(s, ch, 5 * n).add(xf).intoArray(ch, 5 * n);
        IntVector.fromArray(s, ch, 6 * n).add(xg).intoArray(ch, 6 * n);
        IntVector.fromArray(s, ch, 7 * n).add(xh).intoArray(ch, 7 * n);
        IntVector.fromArray(s, ch, 8 * n).add(ya).intoArray(ch, 8 * n);
        IntVector.fromArray(s, ch, 9 * n).add(yb).intoArray(ch, 9 * n);
        IntVector.fromArray(s, ch, 10 * n).add(yc).intoArray(ch, 10 * n);
        IntVector.fromArray(s, ch, 11 * n).add(yd).intoArray(ch, 11 * n);
        IntVector.fromArray(s, ch, 12 * n).add(ye).intoArray(ch, 12 * n);
        IntVector.fromArray(s, ch, 13 * n).add(yf).intoArray(ch, 13 * n);
        IntVector.fromArray(s, ch, 14 * n).add(yg).intoArray(ch, 14 * n);
        IntVector.fromArray(s, ch, 15 * n).add(yh).intoArray(ch, 15 * n);
    }
}
