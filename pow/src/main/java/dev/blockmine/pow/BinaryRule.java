package dev.blockmine.pow;

import java.security.MessageDigest;

/**
 * The binary protocol's proof rule: {@code sha256(nonce as 4 bytes little-endian ‖ data)} must start with
 * {@code zeroBits} zero bits (Python: {@code sha256(struct.pack("<I", nonce) + data)}).
 *
 * @param zeroBits leading zero bits required (24 by default: the same work as six hex zeros on HTTP)
 */
public record BinaryRule(int zeroBits) {

    public static final int DEFAULT_ZERO_BITS = 24;
    public static final long MAX_NONCE = 0xFFFF_FFFFL;

    public BinaryRule {
        if (zeroBits < 0 || zeroBits > 255) {
            throw new IllegalArgumentException("zero bits must be between 0 and 255 (one byte on the wire), was " + zeroBits);
        }
    }

    public boolean isValid(byte[] data, long nonce) {
        return ProofRule.hasLeadingZeroBits(digest(data, nonce), zeroBits);
    }

    /** The same work in bits as a hex-zero HTTP rule. */
    public static BinaryRule equivalentTo(ProofRule rule) {
        return new BinaryRule(rule.hexZeros() * 4);
    }

    public static byte[] digest(byte[] data, long nonce) {
        // only the low 32 bits count, as in struct.pack("<I", nonce & 0xffffffff): engines count past 2^32 and wrap
        MessageDigest sha = ProofRule.sha256();
        sha.update(littleEndian(nonce));
        sha.update(data);
        return sha.digest();
    }

    public static byte[] littleEndian(long nonce) {
        return new byte[] {(byte) nonce, (byte) (nonce >>> 8), (byte) (nonce >>> 16), (byte) (nonce >>> 24)};
    }
}
