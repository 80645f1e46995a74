package dev.blockmine.pow;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The HTTP proof rule of the course: a proof is valid for a block when
 * {@code sha256(block_string + str(proof))} as lowercase hex starts with {@code hexZeros} zeros.
 *
 * @param hexZeros leading hex zeros required (6 in the course)
 */
public record ProofRule(int hexZeros) {

    /** The course's rule: six hex zeros. */
    public static final ProofRule COURSE = new ProofRule(6);

    public ProofRule {
        if (hexZeros < 0 || hexZeros > 64) {
            throw new IllegalArgumentException("hex zeros must be between 0 and 64, was " + hexZeros);
        }
    }

    /** Whether {@code proof} is valid for the block whose canonical string is {@code blockString}. */
    public boolean isValid(String blockString, BigInteger proof) {
        return meets(digest(blockString, proof));
    }

    /** Whether a digest starts with the required hex zeros. The one difficulty check of the project. */
    public boolean meets(byte[] digest) {
        return hasLeadingZeroBits(digest, hexZeros * 4);
    }

    /** Whether the first {@code bits} bits of {@code digest}, most significant bit of byte 0 first, are zero. */
    public static boolean hasLeadingZeroBits(byte[] digest, int bits) {
        int whole = bits >>> 3;
        for (int i = 0; i < whole; i++) {
            if (digest[i] != 0) {
                return false;
            }
        }
        int rest = bits & 7;
        return rest == 0 || (digest[whole] & 0xff) >>> (8 - rest) == 0;
    }

    /**
     * A pre-filter for engines that hold the digest as big-endian ints: a digest can only have {@code bits} leading
     * zero bits when {@code (word0 & firstWordMask(bits)) == 0}. For up to 32 bits that is also enough; the decision
     * stays with {@link #hasLeadingZeroBits}.
     */
    public static int firstWordMask(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= 32 ? -1 : -1 << (32 - bits);
    }

    /** {@code sha256((block_string + str(proof)).encode())}. */
    public static byte[] digest(String blockString, BigInteger proof) {
        MessageDigest sha = sha256();
        sha.update(blockString.getBytes(StandardCharsets.UTF_8));
        sha.update(proof.toString().getBytes(StandardCharsets.US_ASCII));
        return sha.digest();
    }

    /** Lowercase hex of {@link #digest}. */
    public static String hexDigest(String blockString, BigInteger proof) {
        return HexFormat.of().formatHex(digest(blockString, proof));
    }

    /** Lowercase hex {@code sha256(text.encode())}: how a block's hash is taken from its block string. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
