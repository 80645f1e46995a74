package dev.blockmine.loadtest.http;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.DigestProofSearch;
import dev.blockmine.pow.search.SearchControl;

/**
 * Valid proofs for the load's "few valid" submissions, found by a real search at the benchmark's low difficulty:
 * one per block, computed by whichever miner first asks (the others post something else meanwhile), and the
 * previous block's proof kept for stale submissions.
 */
final class ProofSupply {

    private record Found(String blockString, BigInteger proof) {
    }

    private final ProofRule rule;
    private final AtomicReference<Found> current = new AtomicReference<>();
    private final AtomicReference<BigInteger> stale = new AtomicReference<>();
    private final AtomicReference<String> searching = new AtomicReference<>();

    ProofSupply(ProofRule rule) {
        this.rule = rule;
    }

    /** A valid proof for this block, searching for it if nobody else is; empty while another miner searches. */
    Optional<BigInteger> validFor(String blockString) {
        Found found = current.get();
        if (found != null && found.blockString().equals(blockString)) {
            return Optional.of(found.proof());
        }
        String previous = searching.get();
        if (blockString.equals(previous) || !searching.compareAndSet(previous, blockString)) {
            return Optional.empty();
        }
        long proof;
        try (DigestProofSearch search = new DigestProofSearch(1)) { // midstate search: milliseconds at low difficulty
            proof = search.search(blockString, rule, new SearchControl()).orElseThrow();
        }
        Found fresh = new Found(blockString, BigInteger.valueOf(proof));
        Found old = current.getAndSet(fresh);
        if (old != null && !old.blockString().equals(blockString)) {
            stale.set(old.proof());
        }
        return Optional.of(fresh.proof());
    }

    /** A proof that was valid for an earlier block, if one is known. */
    Optional<BigInteger> stale() {
        return Optional.ofNullable(stale.get());
    }
}
