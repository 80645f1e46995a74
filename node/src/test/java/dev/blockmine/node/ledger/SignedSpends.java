package dev.blockmine.node.ledger;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.SpendSignature;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Keys and signed spends for tests, made with the JDK's Ed25519 as any client would. */
public record SignedSpends(KeyPair keys, String address) {

    public static SignedSpends newKey() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SignedSpends(keys, SpendSignature.address(keys.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spend's JSON object, keys sorted, signed by this key for {@code sender}. */
    public String spend(String sender, String recipient, Number amount, long nonce) {
        try {
            String signature = SpendSignature.sign(keys.getPrivate(), SpendSignature.message(amount, nonce, recipient, sender));
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("amount", amount instanceof Double d ? JsonNodeFactory.instance.numberNode(d)
                    : JsonNodeFactory.instance.numberNode(new BigInteger(amount.toString())));
            json.put("nonce", nonce).put("recipient", recipient).put("sender", sender).put("signature", signature);
            return CanonicalJson.encode(json);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A spend of this key's own coins. */
    public String spend(String recipient, Number amount, long nonce) {
        return spend(address, recipient, amount, nonce);
    }
}
