package dev.blockmine.pow.engine;

/**
 * Which proofs the HTTP-rule engines try, for a block string of a given byte length. Every proof has the same
 * number of digits ({@code width}), so the length and padding never change. The digits that change all sit in one
 * 64-byte block (the "digit block"), and where possible the message ends in its first 56 bytes, so each proof costs
 * one compression after a midstate (else see {@link #paddingBlock()}). A proof reads, in decimal:
 * <pre>
 *   batch number (prefixDigits, no leading zero) | counter (counterDigits) | slot (2 digits, 00..31)
 * </pre>
 * The slot is the SIMD lane (32 slots: two 512-bit vectors of ints, which the vector kernel runs interleaved, four
 * 256-bit ones, or 32 scalar steps), so every engine tries the same proofs in the same order. Slots 32..99 are
 * never tried; any valid proof is accepted.
 *
 * @param prefixLength  bytes of the block string
 * @param width         digits of every proof
 * @param counterDigits digits between the batch number and the slot, all in the digit block
 */
public record ProofLayout(int prefixLength, int width, int counterDigits) {

    public static final int SLOTS = 32;
    static final int SLOT_DIGITS = 2;
    /** Proofs are longs: at most 18 digits keeps every one of them below Long.MAX_VALUE. */
    static final int MAX_WIDTH = 18;
    static final int MAX_COUNTER_DIGITS = 6;
    /** Batch digits worth having before other preferences: 9 * 10^5 batches. */
    static final int WANTED_PREFIX_DIGITS = 6;

    public ProofLayout {
        int end = messageEnd(prefixLength, width);
        if (width > MAX_WIDTH || counterDigits < 1 || prefixDigits(width, counterDigits) < 1
                || end < counterDigits + SLOT_DIGITS) {
            throw new IllegalArgumentException("no such layout: " + prefixLength + "/" + width + "/" + counterDigits);
        }
    }

    /**
     * The layout for a block string of {@code prefixLength} bytes, mined for {@code zeroBits} leading zero bits.
     * In order: enough proofs (256 times the expected work, so a search practically never runs dry); no extra
     * padding block (one compression per proof instead of two); the most counter digits, up to 6 (fewer midstate
     * recomputations); the most batch digits, up to 6; the latest end in the block (more rounds shared by all).
     */
    public static ProofLayout choose(int prefixLength, int zeroBits) {
        ProofLayout best = null;
        for (int width = SLOT_DIGITS + 2; width <= MAX_WIDTH; width++) {
            int end = messageEnd(prefixLength, width);
            int counter = Math.min(MAX_COUNTER_DIGITS, Math.min(end, width - 1) - SLOT_DIGITS);
            if (counter < 1) {
                continue;
            }
            ProofLayout candidate = new ProofLayout(prefixLength, width, counter);
            if (best == null || candidate.betterThan(best, zeroBits)) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no proof layout for a prefix of " + prefixLength + " bytes");
        }
        return best;
    }

    private boolean betterThan(ProofLayout other, int zeroBits) {
        double enough = Math.scalb(1.0, Math.min(zeroBits, 40) + 8);
        boolean mineEnough = proofs() >= enough;
        if (mineEnough != other.proofs() >= enough) {
            return mineEnough;
        }
        if (paddingBlock() != other.paddingBlock()) {
            return !paddingBlock();
        }
        if (!mineEnough && proofs() != other.proofs()) {
            return proofs() > other.proofs();
        }
        if (counterDigits != other.counterDigits) {
            return counterDigits > other.counterDigits;
        }
        int mine = Math.min(prefixDigits(), WANTED_PREFIX_DIGITS);
        int theirs = Math.min(other.prefixDigits(), WANTED_PREFIX_DIGITS);
        if (mine != theirs) {
            return mine > theirs;
        }
        return end() > other.end();
    }

    /** How many proofs the layout has. */
    public double proofs() {
        return (double) batches() * proofsPerBatch();
    }

    /**
     * Whether the message ends too late in the digit block for the length field (past byte 55): then one more
     * block follows, all zeros and the length, the same for every proof, and each proof costs two compressions.
     */
    public boolean paddingBlock() {
        return end() > 55;
    }

    private static int messageEnd(int prefixLength, int width) {
        return (prefixLength + width) % 64;
    }

    private static int prefixDigits(int width, int counterDigits) {
        return width - counterDigits - SLOT_DIGITS;
    }

    public int prefixDigits() {
        return prefixDigits(width, counterDigits);
    }

    /** Bytes of the message in its digit block. */
    public int end() {
        return messageEnd(prefixLength, width);
    }

    /** Offset of the first counter digit in the digit block. */
    public int counterOffset() {
        return end() - SLOT_DIGITS - counterDigits;
    }

    /** Offset of the first slot digit in the digit block. */
    public int slotOffset() {
        return end() - SLOT_DIGITS;
    }

    public long batches() {
        return 9 * pow10(prefixDigits() - 1);
    }

    public long counters() {
        return pow10(counterDigits);
    }

    public long proofsPerBatch() {
        return counters() * SLOTS;
    }

    /** The proof tried by {@code slot} at {@code counter} of {@code batch}. */
    public long proof(long batch, long counter, int slot) {
        return ((pow10(prefixDigits() - 1) + batch) * counters() + counter) * 100 + slot;
    }

    static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
