package dev.blockmine.pow.engine;

import java.util.OptionalLong;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.SearchControl;
import dev.blockmine.pow.search.ThreadedSearch;

/**
 * The binary-rule search: groups of {@value NonceKernel#NONCES} aligned nonces per kernel call, chunks of groups
 * handed to the threads by {@link ThreadedSearch}, in ascending order. Nonces of a group outside the asked range
 * are ignored.
 */
public final class LaneNonceSearch extends ThreadedSearch implements NonceSearch {

    private static final long GROUPS_PER_CHUNK = 1 << 12;
    private static final long MAX_COUNT = 1L << 32;

    private final Kernels kernels;
    LaneNonceSearch(Kernels kernels, int threads) {
        super(kernels.name(), threads, "nonce-search");
        this.kernels = kernels;
    }

    @Override
    public OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be in [0, 2^32], was " + count);
        }
        BinaryRule rule = new BinaryRule(zeroBits);
        NonceJob job = NonceJob.of(data);
        int mask = ProofRule.firstWordMask(zeroBits);
        int group = NonceKernel.NONCES;
        long start = from & 0xffff_ffffL & -group;
        long groups = ((from & (group - 1)) + count + group - 1) / group;
        long chunks = (groups + GROUPS_PER_CHUNK - 1) / GROUPS_PER_CHUNK;
        return run(chunks, () -> {
            NonceKernel kernel = kernels.nonce(job);
            return (chunk, progress) -> {
                long first = chunk * GROUPS_PER_CHUNK;
                long end = Math.min(groups, first + GROUPS_PER_CHUNK);
                for (long g = first; g < end; g++) {
                    int base = (int) (start + (long) group * g);
                    int hits = kernel.scan(base, mask);
                    if (hits != 0) {
                        long nonce = settle(data, rule, base, hits, from, count);
                        if (nonce != NONE) {
                            progress.tried((g - first + 1) * group); // the groups up to the hit, not the whole chunk
                            return nonce;
                        }
                    }
                }
                progress.tried((end - first) * group);
                return NONE;
            };
        }, control);
    }

    /** The first flagged nonce of the group that is in the range and passes the plain rule, or NONE. */
    private static long settle(byte[] data, BinaryRule rule, int base, int hits, long from, long count) {
        for (int slot = 0; slot < NonceKernel.NONCES; slot++) {
            long nonce = (base + slot) & 0xffff_ffffL;
            boolean inRange = ((nonce - from) & 0xffff_ffffL) < count;
            if ((hits >>> slot & 1) != 0 && inRange && rule.isValid(data, nonce)) {
                return nonce;
            }
        }
        return NONE;
    }
}
