package dev.blockmine.pow.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;
import dev.blockmine.pow.search.SearchThreads;

/**
 * The fast HTTP-rule search: proofs laid out by {@link ProofLayout} (one compression each after a midstate),
 * 16 slots per kernel call, batches of proofs handed to the threads from a shared cursor. Every proof returned
 * has passed {@link ProofRule#isValid}. The layout holds at least 256 times the proofs the target needs on
 * average; should they all fail, the search returns empty as if cancelled.
 */
public final class LaneProofSearch implements ProofSearch {

    /** Kernel calls (16 proofs each) between progress reports and stop checks. */
    private static final int REPORT_EVERY = 256;

    private final Kernels kernels;
    private final SearchThreads threads;

    LaneProofSearch(Kernels kernels, int threads) {
        this.kernels = kernels;
        this.threads = new SearchThreads(threads, "proof-search");
    }

    @Override
    public OptionalLong search(String blockString, ProofRule rule, SearchControl control) {
        byte[] prefix = blockString.getBytes(StandardCharsets.UTF_8);
        ProofLayout layout = ProofLayout.choose(prefix.length, rule.hexZeros() * 4);
        int[] prefixChain = ProofBatch.prefixChain(prefix);
        SlotDigits slots = SlotDigits.of(layout);
        int mask = ProofRule.firstWordMask(rule.hexZeros() * 4);
        AtomicLong cursor = new AtomicLong();
        AtomicLong found = new AtomicLong(-1);
        threads.runAll(thread -> {
            TailKernel kernel = kernels.tail(slots);
            ProofBatch batch = new ProofBatch(prefix, layout, prefixChain, slots);
            long b;
            while (!control.isCancelled() && found.get() < 0 && (b = cursor.getAndIncrement()) < layout.batches()) {
                batch.start(b);
                int calls = 0;
                do {
                    int hits = kernel.scan(batch.words(), batch.state(), batch.slotRound(), batch.chain(),
                            batch.paddingKw(), mask);
                    if (hits != 0 && settle(blockString, rule, batch, hits, found)) {
                        control.addTried((long) (calls + 1) * ProofLayout.SLOTS);
                        return;
                    }
                    if (++calls == REPORT_EVERY) {
                        control.addTried((long) calls * ProofLayout.SLOTS);
                        calls = 0;
                        if (control.isCancelled() || found.get() >= 0) {
                            return;
                        }
                    }
                } while (batch.advance());
                control.addTried((long) calls * ProofLayout.SLOTS);
            }
        }, control);
        long proof = found.get();
        return proof >= 0 ? OptionalLong.of(proof) : OptionalLong.empty();
    }

    /** Re-checks the flagged slots in order with the plain rule; records the first valid one. */
    private static boolean settle(String blockString, ProofRule rule, ProofBatch batch, int hits, AtomicLong found) {
        for (int slot = 0; slot < ProofLayout.SLOTS; slot++) {
            if ((hits >>> slot & 1) != 0) {
                long proof = batch.proof(slot);
                if (rule.isValid(blockString, BigInteger.valueOf(proof))) {
                    found.compareAndSet(-1, proof);
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String name() {
        return kernels.name();
    }

    @Override
    public int threads() {
        return threads.count();
    }

    @Override
    public void close() {
        threads.close();
    }
}
