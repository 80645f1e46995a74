package dev.blockmine.pow.engine;

/**
 * Plain-int SHA-256 pieces the engines build on: constants, big-endian word packing, the message schedule and
 * compression rounds over any range, so that rounds which do not depend on the changing bytes run once.
 */
public final class Sha256 {

    static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    static final int[] IV = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    private Sha256() {
    }

    /** A fresh chaining value. */
    static int[] iv() {
        return IV.clone();
    }

    /** The 16 big-endian words of the 64-byte block at {@code offset}. */
    static int[] words(byte[] bytes, int offset) {
        int[] w = new int[16];
        for (int i = 0; i < 16; i++) {
            w[i] = word(bytes, offset + 4 * i);
        }
        return w;
    }

    static int word(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    /** Extends 16 block words to the 64-word message schedule. */
    static int[] schedule(int[] block) {
        int[] w = new int[64];
        System.arraycopy(block, 0, w, 0, 16);
        for (int t = 16; t < 64; t++) {
            w[t] = smallSigma1(w[t - 2]) + w[t - 7] + smallSigma0(w[t - 15]) + w[t - 16];
        }
        return w;
    }

    /** The schedule with the round constants added: what each round consumes. */
    static int[] scheduleWithK(int[] block) {
        int[] w = schedule(block);
        for (int t = 0; t < 64; t++) {
            w[t] += K[t];
        }
        return w;
    }

    /** Runs rounds {@code [from, to)} on the working variables {@code s} (a..h) in place; {@code w} is the schedule. */
    static void rounds(int[] s, int[] w, int from, int to) {
        int a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        for (int t = from; t < to; t++) {
            int t1 = h + bigSigma1(e) + (g ^ (e & (f ^ g))) + K[t] + w[t];
            int t2 = bigSigma0(a) + ((a & b) | (c & (a | b)));
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

    /** 64 rounds whose schedule words already include the round constants. */
    static void roundsWithKw(int[] s, int[] kw, int offset) {
        int a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + bigSigma1(e) + (g ^ (e & (f ^ g))) + kw[offset + t];
            int t2 = bigSigma0(a) + ((a & b) | (c & (a | b)));
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

    /** One full compression of the block {@code words} into the chaining value {@code chain}, in place. */
    static void compress(int[] chain, int[] words) {
        int[] s = chain.clone();
        rounds(s, schedule(words), 0, 64);
        for (int i = 0; i < 8; i++) {
            chain[i] += s[i];
        }
    }

    /** Compresses every whole block of {@code bytes[0, length)} (length a multiple of 64) into {@code chain}. */
    static void compressBlocks(int[] chain, byte[] bytes, int length) {
        for (int offset = 0; offset < length; offset += 64) {
            compress(chain, words(bytes, offset));
        }
    }

    /** {@code message} followed by SHA-256 padding: 0x80, zeros, the bit length; a whole number of blocks. */
    static byte[] padded(byte[] message) {
        int size = (message.length + 9 + 63) / 64 * 64;
        byte[] out = new byte[size];
        System.arraycopy(message, 0, out, 0, message.length);
        out[message.length] = (byte) 0x80;
        long bits = message.length * 8L;
        for (int i = 0; i < 8; i++) {
            out[size - 1 - i] = (byte) (bits >>> (8 * i));
        }
        return out;
    }

    static int bigSigma0(int x) {
        return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
    }

    static int bigSigma1(int x) {
        return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
    }

    static int smallSigma0(int x) {
        return Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
    }

    static int smallSigma1(int x) {
        return Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
    }
}
