package dev.blockmine.pow.search;

import java.util.OptionalLong;

import dev.blockmine.pow.ProofRule;

/**
 * Finds a proof for a block string under a rule. Engines differ in speed only: any proof they return meets the
 * rule, and they stop soon after {@link SearchControl#cancel()}.
 */
public interface ProofSearch extends AutoCloseable {

    /**
     * Searches until a proof is found or the control is cancelled, from the start of the engine's order (one thread
     * finds the engine's first proof: tests and vectors rely on it).
     *
     * @return the proof, or empty when cancelled first
     */
    default OptionalLong search(String blockString, ProofRule rule, SearchControl control) {
        return search(blockString, rule, control, 0);
    }

    /**
     * Searches as above, starting at position {@code start} (any value, taken modulo the engine's range) of the
     * engine's order and wrapping around. Miners racing on one block string must start apart: from the same start
     * they try the same proofs in the same order, find the same proof at the same moment, and all but one are told
     * it is too late (measured: every stale proof of three pushed miners was such a tie).
     */
    OptionalLong search(String blockString, ProofRule rule, SearchControl control, long start);

    /** The engine's name, for logs and benchmark tables. */
    String name();

    /** Threads the engine searches with. */
    int threads();

    @Override
    void close();
}
