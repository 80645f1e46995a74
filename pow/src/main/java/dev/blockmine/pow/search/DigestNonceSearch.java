package dev.blockmine.pow.search;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;

/**
 * The portable binary-rule search on {@link MessageDigest}: no midstate is possible (the nonce comes first), so
 * every nonce hashes the whole message. Threads take chunks of the range from a shared cursor.
 */
public final class DigestNonceSearch implements NonceSearch {

    private static final long CHUNK = 1 << 14;

    private final SearchThreads threads;

    public DigestNonceSearch(int threads) {
        this.threads = new SearchThreads(threads, "nonce-search");
    }

    @Override
    public OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control) {
        BinaryRule rule = new BinaryRule(zeroBits);
        AtomicLong cursor = new AtomicLong();
        AtomicLong found = new AtomicLong(-1);
        threads.runAll(index -> work(data, rule, from, count, control, cursor, found), control);
        long nonce = found.get();
        return nonce >= 0 ? OptionalLong.of(nonce) : OptionalLong.empty();
    }

    private static void work(byte[] data, BinaryRule rule, long from, long count, SearchControl control,
            AtomicLong cursor, AtomicLong found) {
        MessageDigest sha = ProofRule.sha256();
        byte[] nonceBytes = new byte[4];
        byte[] digest = new byte[32];
        long start;
        try {
            while (!control.isCancelled() && found.get() < 0 && (start = cursor.getAndAdd(CHUNK)) < count) {
                long end = Math.min(count, start + CHUNK);
                for (long i = start; i < end; i++) {
                    long nonce = (from + i) & 0xffff_ffffL;
                    nonceBytes[0] = (byte) nonce;
                    nonceBytes[1] = (byte) (nonce >>> 8);
                    nonceBytes[2] = (byte) (nonce >>> 16);
                    nonceBytes[3] = (byte) (nonce >>> 24);
                    sha.update(nonceBytes);
                    sha.update(data);
                    sha.digest(digest, 0, 32);
                    if (ProofRule.hasLeadingZeroBits(digest, rule.zeroBits()) && rule.isValid(data, nonce)) {
                        control.addTried(i - start + 1);
                        found.compareAndSet(-1, nonce);
                        return;
                    }
                }
                control.addTried(end - start);
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 provider cannot digest", e);
        }
    }

    @Override
    public String name() {
        return "message-digest";
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
