package dev.blockmine.pow.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The message of one batch of proofs, kept ready for the kernels: the chaining value entering the digit block
 * (the block holding the counter and slot digits), its words, the working variables after the rounds that come
 * before the counter digits, and the constant padding block that may follow ({@link ProofLayout#paddingBlock()}).
 * {@link #advance()} steps the counter in place (decimal digits, fixed width). One per search thread.
 */
final class ProofBatch {

    private final ProofLayout layout;
    private final byte[] prefixRest;
    private final int[] prefixChain;
    private final int counterWord;
    private final int slotRound;

    private final byte[] digitBlock = new byte[64];
    private final int[] chain = new int[8];
    private final int[] words = new int[16];
    private final int[] counterState = new int[8];
    private final int[] state = new int[8];
    private int[] paddingKw;
    private long batch;
    private long counter;

    /**
     * @param prefix      the block string's bytes
     * @param prefixChain the chaining value after the whole blocks of the prefix (shared, never written)
     */
    ProofBatch(byte[] prefix, ProofLayout layout, int[] prefixChain, SlotDigits slots) {
        this.layout = layout;
        int whole = prefix.length / 64 * 64;
        this.prefixRest = Arrays.copyOfRange(prefix, whole, prefix.length);
        this.prefixChain = prefixChain;
        this.counterWord = layout.counterOffset() / 4;
        this.slotRound = slots.firstRound();
    }

    /** The chaining value after the whole 64-byte blocks of {@code prefix}: computed once per block string. */
    static int[] prefixChain(byte[] prefix) {
        int[] chain = Sha256.iv();
        Sha256.compressBlocks(chain, prefix, prefix.length / 64 * 64);
        return chain;
    }

    /** Moves to counter 0 of {@code batch}. */
    void start(long batch) {
        this.batch = batch;
        this.counter = 0;
        // the proof of slot 0 with its two slot digits zeroed: kernels OR each slot's digits in
        byte[] proofDigits = Long.toString(layout.proof(batch, 0, 0)).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = new byte[prefixRest.length + proofDigits.length];
        System.arraycopy(prefixRest, 0, tail, 0, prefixRest.length);
        System.arraycopy(proofDigits, 0, tail, prefixRest.length, proofDigits.length);
        tail[tail.length - 1] = 0;
        tail[tail.length - 2] = 0;
        byte[] padded = Sha256.padded(tail);
        // the padding must count the whole message, not just the tail
        long bits = (long) (layout.prefixLength() + layout.width()) * 8;
        for (int i = 0; i < 8; i++) {
            padded[padded.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int digitOffset = (tail.length - 1) / 64 * 64;
        System.arraycopy(prefixChain, 0, chain, 0, 8);
        Sha256.compressBlocks(chain, padded, digitOffset);
        System.arraycopy(padded, digitOffset, digitBlock, 0, 64);
        paddingKw = layout.paddingBlock() ? Sha256.scheduleWithK(Sha256.words(padded, digitOffset + 64)) : null;
        for (int i = 0; i < 16; i++) {
            words[i] = Sha256.word(digitBlock, 4 * i);
        }
        System.arraycopy(chain, 0, counterState, 0, 8);
        Sha256.rounds(counterState, words, 0, counterWord);
        refreshState();
    }

    /** Steps to the next counter value; false when the batch is exhausted. */
    boolean advance() {
        if (++counter == layout.counters()) {
            return false;
        }
        int last = layout.slotOffset() - 1;
        int i = last;
        while (digitBlock[i] == '9') {
            digitBlock[i--] = '0';
        }
        digitBlock[i]++;
        for (int w = i / 4; w <= last / 4; w++) {
            words[w] = Sha256.word(digitBlock, 4 * w); // slot digit bytes stay zero
        }
        refreshState();
        return true;
    }

    private void refreshState() {
        System.arraycopy(counterState, 0, state, 0, 8);
        Sha256.rounds(state, words, counterWord, slotRound);
    }

    int[] words() {
        return words;
    }

    /** Schedule plus round constants of the padding block after the digit block, or null when there is none. */
    int[] paddingKw() {
        return paddingKw;
    }

    int[] chain() {
        return chain;
    }

    /** Working variables before {@link #slotRound()}. */
    int[] state() {
        return state;
    }

    int slotRound() {
        return slotRound;
    }

    long proof(int slot) {
        return layout.proof(batch, counter, slot);
    }
}
