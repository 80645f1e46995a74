package dev.blockmine.pow;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed spends, the same for the node that checks them and the wallet that makes them. A sender's address is the
 * lowercase hex of its raw 32-byte Ed25519 public key; it signs the UTF-8 bytes of Python's
 * {@code json.dumps({"amount": ..., "nonce": ..., "recipient": ..., "sender": ...}, sort_keys=True)}, and the
 * signature travels as 128 lowercase hex digits. The JDK's own Ed25519 does the cryptography.
 */
public final class SpendSignature {

    /** A sender address: 64 lowercase hex digits. */
    public static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");
    /** A signature: 128 lowercase hex digits. */
    public static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{128}");

    /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519, before the raw 32 bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final HexFormat HEX = HexFormat.of();

    /** The field's prime, 2^255 - 19: an encoded y at or above it is not canonical. */
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /**
     * The y of every point of small order (1, 2, 4 or 8: the identity, (0, -1), (±sqrt(-1), 0) and the four of order
     * 8), as libsodium's blocklist has them. Anyone can sign for such a key: with R the identity and S = 0, the
     * verification equation holds for every message, so coins sent to it are anyone's.
     */
    private static final List<BigInteger> SMALL_ORDER_Y = List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
            y("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
            y("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));

    private SpendSignature() {
    }

    /**
     * What is signed: the canonical JSON of the four fields.
     *
     * @param amount a {@link BigInteger}, {@link Long} or {@link Integer} (a Python int) or a {@link Double} (a Python float)
     */
    public static byte[] message(Number amount, long nonce, String recipient, String sender) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode fields = nodes.objectNode();
        fields.set("amount", switch (amount) {
            case BigInteger integer -> nodes.numberNode(integer);
            case Long integer -> nodes.numberNode(integer);
            case Integer integer -> nodes.numberNode(integer.longValue());
            case Double real -> nodes.numberNode(real);
            default -> throw new IllegalArgumentException("amount must be an integer or a double: " + amount);
        });
        fields.put("nonce", nonce);
        fields.put("recipient", recipient);
        fields.put("sender", sender);
        return CanonicalJson.encode(fields).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why an address (64 lowercase hex digits) cannot own coins, or empty: a public key that is not the canonical
     * encoding of a point (y at or above 2^255 - 19, or x = 0 with its sign bit set), or a point of small order.
     */
    public static Optional<String> keyProblem(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.of("an address is the lowercase hex of a raw 32-byte Ed25519 public key");
        }
        byte[] raw = HEX.parseHex(address);
        boolean negative = (raw[31] & 0x80) != 0;
        BigInteger y = y(address);
        if (y.compareTo(P) >= 0) {
            return Optional.of("not a canonical Ed25519 public key: its y is not below 2^255 - 19");
        }
        if (negative && (y.equals(BigInteger.ONE) || y.equals(P.subtract(BigInteger.ONE)))) {
            return Optional.of("not a canonical Ed25519 public key: x is 0, yet its sign bit is set");
        }
        if (SMALL_ORDER_Y.contains(y)) {
            return Optional.of("a small-order Ed25519 public key: anyone can sign for it (R = identity, S = 0)");
        }
        return Optional.empty();
    }

    /** The y of an encoded point: little-endian, its top bit (x's sign) cleared. */
    private static BigInteger y(String address) {
        byte[] littleEndian = HEX.parseHex(address);
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = littleEndian[31 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    /**
     * Whether {@code signatureHex} is the sender's signature of {@code message}; false for anything malformed, and
     * for a sender whose key anyone can sign for ({@link #keyProblem}).
     */
    public static boolean verify(String senderAddress, byte[] message, String signatureHex) {
        if (keyProblem(senderAddress).isPresent() || !SIGNATURE.matcher(signatureHex).matches()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(senderAddress));
            verifier.update(message);
            return verifier.verify(HEX.parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // not a point on the curve, say: no one can sign for it
        }
    }

    /** The signature of {@code message}, as lowercase hex. */
    public static String sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(message);
        return HEX.formatHex(signer.sign());
    }

    /** The public key of an address. */
    public static PublicKey publicKey(String address) throws GeneralSecurityException {
        byte[] raw = HEX.parseHex(address);
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The address of an Ed25519 public key: its raw 32 bytes (the end of its X.509 encoding), as lowercase hex. */
    public static String address(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != X509_PREFIX.length + 32 || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return HEX.formatHex(der, X509_PREFIX.length, der.length);
    }
}
