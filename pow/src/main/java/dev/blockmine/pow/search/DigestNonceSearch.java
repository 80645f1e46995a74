package dev.blockmine.pow.search;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.OptionalLong;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;

/**
 * The portable binary-rule search on {@link MessageDigest}: no midstate is possible (the nonce comes first), so
 * every nonce hashes the whole message. Chunks of the range go to the threads through {@link ThreadedSearch}.
 */
public final class DigestNonceSearch extends ThreadedSearch implements NonceSearch {

    private static final long CHUNK = 1 << 14;

    public DigestNonceSearch(int threads) {
        super("message-digest", threads, "nonce-search");
    }

    @Override
    public OptionalLong search(byte[] data, int zeroBits, long from, long count, SearchControl control) {
        BinaryRule rule = new BinaryRule(zeroBits);
        return run((count + CHUNK - 1) / CHUNK, () -> scanner(data, rule, from, count), control);
    }

    /** One thread's scanner: chunk {@code c} is the nonces {@code from + [c * CHUNK, (c + 1) * CHUNK)} of the range. */
    private static ChunkScan scanner(byte[] data, BinaryRule rule, long from, long count) {
        MessageDigest sha = ProofRule.sha256();
        byte[] nonceBytes = new byte[4];
        byte[] digest = new byte[32];
        return (chunk, progress) -> {
            long start = chunk * CHUNK;
            long end = Math.min(count, start + CHUNK);
            try {
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
                        progress.tried(i - start + 1);
                        return nonce;
                    }
                }
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 provider cannot digest", e);
            }
            progress.tried(end - start);
            return NONE;
        };
    }
}
