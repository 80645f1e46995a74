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

    /** Whether {@code signatureHex} is the sender's signature of {@code message}; false for anything malformed. */
    public static boolean verify(String senderAddress, byte[] message, String signatureHex) {
        if (!ADDRESS.matcher(senderAddress).matches() || !SIGNATURE.matcher(signatureHex).matches()) {
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
