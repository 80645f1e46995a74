package dev.blockmine.pow.search;

import java.util.OptionalLong;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;

/**
 * Finds a proof for a block string under a rule. Engines differ in speed only: any proof they return meets the
 * rule, and they stop soon after {@link SearchControl#cancel()}.
 */
public interface ProofSearch extends AutoCloseable {

    /** The fastest engine this JVM and CPU can run (see {@link Engines}), on {@code threads} threads. */
    static ProofSearch best(int threads) {
        return Engines.proofSearch(EngineKind.AUTO, threads);
    }

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
