package dev.blockmine.pow.engine;

/**
 * The two slot digits ("00".."15") of a proof as bits to OR into the words of the digit block: the digits may
 * straddle two words. {@code firstBits[slot]} goes into word {@code firstWord}, {@code secondBits[slot]} into
 * {@code secondWord} (which may be the same word).
 */
record SlotDigits(int firstWord, int[] firstBits, int secondWord, int[] secondBits) {

    static SlotDigits of(ProofLayout layout) {
        int tens = layout.slotOffset();
        int ones = tens + 1;
        int[] first = new int[ProofLayout.SLOTS];
        int[] second = new int[ProofLayout.SLOTS];
        for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
            first[slot] = ('0' + slot / 10) << shift(tens);
            second[slot] = ('0' + slot % 10) << shift(ones);
        }
        return new SlotDigits(tens / 4, first, ones / 4, second);
    }

    /** The first word that differs between slots: rounds before it are the same for all of them. */
    int firstRound() {
        return firstWord;
    }

    private static int shift(int byteOffset) {
        return 8 * (3 - byteOffset % 4);
    }
}
