package dev.blockmine.pow;

import java.security.MessageDigest;

/**
 * The binary protocol's proof rule: a nonce is valid for a job's data when
 * {@code sha256(LE32(nonce) ‖ data)} starts with {@code zeroBits} zero bits.
 *
 * @param zeroBits leading zero bits required (24 by default in the protocol)
 */
public record NonceRule(int zeroBits) {

    public NonceRule {
        if (zeroBits < 0 || zeroBits > 256) {
            throw new IllegalArgumentException("zero bits must be between 0 and 256, was " + zeroBits);
        }
    }

    public boolean isValid(byte[] data, long nonce) {
        return ProofRule.hasLeadingZeroBits(digest(data, nonce), zeroBits);
    }

    /** {@code sha256(struct.pack("<I", nonce) + data)}; only the low 32 bits of {@code nonce} count. */
    public static byte[] digest(byte[] data, long nonce) {
        MessageDigest sha = ProofRule.sha256();
        sha.update(new byte[] {(byte) nonce, (byte) (nonce >>> 8), (byte) (nonce >>> 16), (byte) (nonce >>> 24)});
        sha.update(data);
        return sha.digest();
    }
}
