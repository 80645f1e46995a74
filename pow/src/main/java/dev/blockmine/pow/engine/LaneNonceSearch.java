package dev.blockmine.pow.engine;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.SearchControl;
import dev.blockmine.pow.search.SearchThreads;

/**
 * The binary-rule search: groups of 16 aligned nonces per kernel call, chunks of groups handed to the threads
 * from a shared cursor, in ascending order. Nonces of a group outside the asked range are ignored.
 */
public final class LaneNonceSearch implements NonceSearch {

    private static final long GROUPS_PER_CHUNK = 1 << 12;
    private static final long MAX_COUNT = 1L << 32;

    private final Kernels kernels;
    private final SearchThreads threads;

    LaneNonceSearch(Kernels kernels, int threads) {
        this.kernels = kernels;
        this.threads = new SearchThreads(threads, "nonce-search");
    }

    @Override
    public OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be in [0, 2^32], was " + count);
        }
        BinaryRule rule = new BinaryRule(zeroBits);
        NonceJob job = NonceJob.of(data);
        int mask = ProofRule.firstWordMask(zeroBits);
        long start = from & 0xffff_fff0L;
        long groups = ((from & 15) + count + 15) / 16;
        long chunks = (groups + GROUPS_PER_CHUNK - 1) / GROUPS_PER_CHUNK;
        AtomicLong cursor = new AtomicLong();
        AtomicLong found = new AtomicLong(-1);
        threads.runAll(thread -> {
            NonceKernel kernel = kernels.nonce(job);
            long chunk;
            while (!control.isCancelled() && found.get() < 0 && (chunk = cursor.getAndIncrement()) < chunks) {
                long first = chunk * GROUPS_PER_CHUNK;
                long end = Math.min(groups, first + GROUPS_PER_CHUNK);
                for (long group = first; group < end; group++) {
                    int base = (int) (start + 16 * group);
                    int hits = kernel.scan(base, mask);
                    if (hits != 0 && settle(data, rule, base, hits, from, count, found)) {
                        break;
                    }
                }
                control.addTried((end - first) * 16);
            }
        }, control);
        long nonce = found.get();
        return nonce >= 0 ? OptionalLong.of(nonce) : OptionalLong.empty();
    }

    private static boolean settle(byte[] data, BinaryRule rule, int base, int hits, long from, long count,
            AtomicLong found) {
        for (int slot = 0; slot < 16; slot++) {
            long nonce = (base + slot) & 0xffff_ffffL;
            boolean inRange = ((nonce - from) & 0xffff_ffffL) < count;
            if ((hits >>> slot & 1) != 0 && inRange && rule.isValid(data, nonce)) {
                found.compareAndSet(-1, nonce);
                return true;
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
