package dev.blockmine.miner.wallet;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;

/**
 * The public key of an Ed25519 private key. The JDK has no call for it, but an Ed25519 key pair is a function of its
 * 32-byte seed: the JDK's generator, fed the private key's seed as its only randomness, makes the same pair.
 */
final class PublicKeys {

    private PublicKeys() {
    }

    static PublicKey of(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof EdECPrivateKey ed)) {
            throw new GeneralSecurityException("not an Ed25519 key: " + key.getAlgorithm());
        }
        byte[] seed = ed.getBytes().orElseThrow(() -> new GeneralSecurityException("the key's seed cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** Hands out the seed, and fails if asked for anything else (so a change in the JDK cannot go unnoticed). */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 key generation asked for " + bytes.length + " random bytes, not 32");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
