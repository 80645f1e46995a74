package dev.blockmine.node;

import java.math.BigInteger;

import dev.blockmine.pow.ProofRule;

/** Finds valid proofs by plain counting, independently of the engines under test. */
public final class Proofs {

    private Proofs() {
    }

    /** The first proof at or above {@code from} that is valid for {@code blockString}. */
    public static BigInteger firstValid(String blockString, ProofRule rule, long from) {
        for (long p = from; ; p++) {
            BigInteger proof = BigInteger.valueOf(p);
            if (rule.isValid(blockString, proof)) {
                return proof;
            }
        }
    }

    /** The first proof at or above {@code from} that is NOT valid. */
    public static BigInteger firstInvalid(String blockString, ProofRule rule, long from) {
        for (long p = from; ; p++) {
            BigInteger proof = BigInteger.valueOf(p);
            if (!rule.isValid(blockString, proof)) {
                return proof;
            }
        }
    }
}
