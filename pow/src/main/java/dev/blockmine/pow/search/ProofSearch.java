package dev.blockmine.pow.search;

import java.util.OptionalLong;

import dev.blockmine.pow.ProofRule;

/**
 * Finds a proof for a block string under a rule. Engines differ in speed only: any proof they return meets the
 * rule, and they stop soon after {@link SearchControl#cancel()}.
 */
public interface ProofSearch extends AutoCloseable {

    /**
     * Searches until a proof is found or the control is cancelled.
     *
     * @return the proof, or empty when cancelled first
     */
    OptionalLong search(String blockString, ProofRule rule, SearchControl control);

    /** The engine's name, for logs and benchmark tables. */
    String name();

    /** Threads the engine searches with. */
    int threads();

    @Override
    void close();
}
