package dev.blockmine.pow.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;
import dev.blockmine.pow.search.ThreadedSearch;

/**
 * The fast HTTP-rule search: proofs laid out by {@link ProofLayout} (one compression each after a midstate),
 * 32 slots per kernel call, batches of proofs handed to the threads by {@link ThreadedSearch}. Every proof returned
 * has passed {@link ProofRule#isValid}. The layout holds at least 256 times the proofs the target needs on
 * average; should they all fail, the search returns empty as if cancelled.
 */
public final class LaneProofSearch extends ThreadedSearch implements ProofSearch {

    /** Kernel calls ({@link ProofLayout#SLOTS} proofs each) between progress reports and stop checks. */
    private static final int REPORT_EVERY = 256;

    private final Kernels kernels;
    LaneProofSearch(Kernels kernels, int threads) {
        super(kernels.name(), threads, "proof-search");
        this.kernels = kernels;
    }

    @Override
    public OptionalLong search(String blockString, ProofRule rule, SearchControl control, long start) {
        byte[] prefix = blockString.getBytes(StandardCharsets.UTF_8);
        ProofLayout layout = ProofLayout.choose(prefix.length, rule.hexZeros() * 4);
        int[] prefixChain = ProofBatch.prefixChain(prefix);
        SlotDigits slots = SlotDigits.of(layout);
        int mask = ProofRule.firstWordMask(rule.hexZeros() * 4);
        return run(layout.batches(), start, () -> {
            TailKernel kernel = kernels.tail(slots);
            ProofBatch batch = new ProofBatch(prefix, layout, prefixChain, slots);
            return (b, progress) -> {
                batch.start(b);
                int calls = 0;
                do {
                    int hits = kernel.scan(batch.words(), batch.state(), batch.slotRound(), batch.chain(),
                            batch.paddingKw(), mask);
                    if (hits != 0) {
                        long proof = settle(blockString, rule, batch, hits);
                        if (proof != NONE) {
                            progress.tried((long) (calls + 1) * ProofLayout.SLOTS);
                            return proof;
                        }
                    }
                    if (++calls == REPORT_EVERY) {
                        calls = 0;
                        if (!progress.tried((long) REPORT_EVERY * ProofLayout.SLOTS)) {
                            return NONE;
                        }
                    }
                } while (batch.advance());
                progress.tried((long) calls * ProofLayout.SLOTS);
                return NONE;
            };
        }, control);
    }

    /** Re-checks the flagged slots in order with the plain rule: the first valid proof, or NONE. */
    private static long settle(String blockString, ProofRule rule, ProofBatch batch, int hits) {
        for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
            if ((hits >>> slot & 1) != 0) {
                long proof = batch.proof(slot);
                if (rule.isValid(blockString, BigInteger.valueOf(proof))) {
                    return proof;
                }
            }
        }
        return NONE;
    }
}
