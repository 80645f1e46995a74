package dev.blockmine.node.mining;

import dev.blockmine.node.chain.SealedBlock;

/** What became of a submitted proof. */
public sealed interface Submission {

    /** The proof was the first valid one for the tip: this block was appended. */
    record Forged(SealedBlock block) implements Submission {
    }

    /**
     * The proof is valid, but for a block whose successor {@code forgedIndex} already exists.
     *
     * @param repeat whether it is the very proof that forged that block (sent again), rather than a rival's
     */
    record Stale(long forgedIndex, boolean repeat) implements Submission {
    }

    /** The proof does not meet the rule for the tip ({@code tipIndex}) nor for any recent block. */
    record Invalid(long tipIndex) implements Submission {
    }
}
