package dev.blockmine.pow.search;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.OptionalLong;

import dev.blockmine.pow.ProofRule;

/**
 * A portable multi-threaded search on {@link MessageDigest} (SHA-NI intrinsics where the JVM has them).
 * The prefix is hashed once per thread (midstate by clone) and proofs are decimal counters incremented in place.
 * Chunks of consecutive proofs go to the threads through {@link ThreadedSearch}, so no two try the same proof.
 */
public final class DigestProofSearch extends ThreadedSearch implements ProofSearch {

    private static final int CHUNK = 1 << 20;
    private static final int REPORT_EVERY = 1 << 12;

    public DigestProofSearch(int threads) {
        super("message-digest", threads, "proof-search");
    }

    @Override
    public OptionalLong search(String blockString, ProofRule rule, SearchControl control, long start) {
        byte[] prefix = blockString.getBytes(StandardCharsets.UTF_8);
        return run(Long.MAX_VALUE / CHUNK, start, () -> scanner(prefix, rule), control);
    }

    /** One thread's scanner: chunk {@code c} is the proofs {@code [c * CHUNK, (c + 1) * CHUNK)}. */
    private static ChunkScan scanner(byte[] prefix, ProofRule rule) {
        MessageDigest base = ProofRule.sha256();
        base.update(prefix);
        byte[] digest = new byte[32];
        byte[] digits = new byte[20];
        return (chunk, progress) -> {
            long start = chunk * CHUNK;
            int len = writeDecimal(start, digits);
            long unreported = 0;
            try {
                for (long proof = start; proof < start + CHUNK; proof++) {
                    MessageDigest sha = (MessageDigest) base.clone();
                    sha.update(digits, 0, len);
                    sha.digest(digest, 0, 32);
                    if (rule.meets(digest)) {
                        progress.tried(unreported + 1);
                        return proof;
                    }
                    if (++unreported == REPORT_EVERY) {
                        unreported = 0;
                        if (!progress.tried(REPORT_EVERY)) {
                            return NONE;
                        }
                    }
                    len = increment(digits, len);
                }
            } catch (CloneNotSupportedException | DigestException e) {
                throw new IllegalStateException("SHA-256 provider cannot clone or digest", e);
            }
            progress.tried(unreported);
            return NONE;
        };
    }

    /** Writes {@code value} in decimal at the start of {@code digits}, returns its length. */
    static int writeDecimal(long value, byte[] digits) {
        byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, digits, 0, text.length);
        return text.length;
    }

    /** Adds one to the decimal number in {@code digits[0, len)}, returns its new length. */
    static int increment(byte[] digits, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (digits[i] != '9') {
                digits[i]++;
                return len;
            }
            digits[i] = '0';
        }
        // all nines: 999 -> 1000
        digits[0] = '1';
        digits[len] = '0';
        return len + 1;
    }
}
