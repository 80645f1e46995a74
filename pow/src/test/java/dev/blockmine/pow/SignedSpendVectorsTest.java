package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** What CPython's json.dumps and the `cryptography` package make of signed spends, byte for byte (signed-spends.json). */
class SignedSpendVectorsTest {

    /** PKCS#8 of an Ed25519 key, before its 32-byte seed. */
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

    @Test
    void messagesAndSignaturesAreWhatCPythonMakes() throws Exception {
        JsonNode vectors = Vectors.document("signed-spends.json").get("vectors");
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                HexFormat.of().parseHex(PKCS8_PREFIX + vectors.get("seed_hex").stringValue())));
        String address = vectors.get("address").stringValue();
        int checked = 0;
        for (JsonNode spend : vectors.get("spends").values()) {
            JsonNode amountJson = CanonicalJson.parse(spend.get("amount").stringValue());
            Number amount = amountJson.isIntegralNumber() ? amountJson.bigIntegerValue() : (Number) amountJson.doubleValue();
            byte[] message = SpendSignature.message(amount, spend.get("nonce").longValue(), spend.get("recipient").stringValue(),
                    address);
            assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(spend.get("message").stringValue());
            String signature = spend.get("signature").stringValue();
            assertThat(SpendSignature.sign(key, message)).isEqualTo(signature);
            assertThat(SpendSignature.verify(address, message, signature)).isTrue();
            assertThat(SpendSignature.verify(address, (new String(message, StandardCharsets.UTF_8) + " ").getBytes(
                    StandardCharsets.UTF_8), signature)).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void malformedAddressesAndSignaturesNeverVerify() {
        byte[] message = SpendSignature.message(BigInteger.ONE, 1, "bob", "a".repeat(64));
        assertThat(SpendSignature.verify("A".repeat(64), message, "0".repeat(128))).isFalse();
        assertThat(SpendSignature.verify("a".repeat(64), message, "0".repeat(127))).isFalse();
        assertThat(SpendSignature.verify("f".repeat(64), message, "f".repeat(128))).isFalse(); // not a curve point
    }
}
