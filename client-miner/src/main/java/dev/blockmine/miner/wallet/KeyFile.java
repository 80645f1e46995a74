package dev.blockmine.miner.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A wallet's Ed25519 key in a file: PKCS#8, encrypted with a password (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC),
 * PEM-armoured as {@code ENCRYPTED PRIVATE KEY}, readable only by its owner. OpenSSL and Python's
 * {@code cryptography} read it too. An unencrypted {@code PRIVATE KEY} PEM is read as well.
 */
public final class KeyFile {

    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
    private static final String PLAIN = "PRIVATE KEY";
    private static final String PBE = "PBEWithHmacSHA256AndAES_256";
    private static final int ITERATIONS = 200_000;
    private static final int MAX_FILE_BYTES = 16 * 1024;

    private KeyFile() {
    }

    /** Makes a new key and writes it to {@code file}, which must not exist yet; returns the key pair. */
    public static KeyPair create(Path file, char[] password) throws WalletException {
        if (password.length == 0) {
            throw new WalletException("The password must not be empty: it encrypts the key file");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            write(file, pem(ENCRYPTED, encrypt(pair.getPrivate().getEncoded(), password)));
            return pair;
        } catch (GeneralSecurityException | IOException e) {
            throw new WalletException("Could not make a key: " + e.getMessage());
        }
    }

    /** Reads the key in {@code file} and the public key that goes with it. */
    public static KeyPair read(Path file, char[] password) throws WalletException {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new WalletException(file + " is not a key file (larger than " + MAX_FILE_BYTES + " bytes)");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new WalletException("No key file at " + file.toAbsolutePath() + ": make one with `wallet new --key "
                    + file + "`, or pass --key FILE");
        } catch (IOException e) {
            throw new WalletException("Cannot read the key file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        byte[] pkcs8;
        if (text.contains("-----BEGIN " + ENCRYPTED + "-----")) {
            pkcs8 = decrypt(unpem(text, ENCRYPTED, file), password, file);
        } else if (text.contains("-----BEGIN " + PLAIN + "-----")) {
            pkcs8 = unpem(text, PLAIN, file);
        } else {
            throw new WalletException(file + " is not a PEM key file (no BEGIN ENCRYPTED PRIVATE KEY line)");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new KeyPair(PublicKeys.of(key), key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WalletException(file + " holds no Ed25519 private key (" + e.getMessage() + ")");
        }
    }

    private static byte[] encrypt(byte[] pkcs8, char[] password) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(PBE);
        cipher.init(Cipher.ENCRYPT_MODE, secret(password), new PBEParameterSpec(salt, ITERATIONS, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(pkcs8);
        AlgorithmParameters parameters = cipher.getParameters();
        // EncryptedPrivateKeyInfo's own constructor knows no OID for the JDK's PBES2 names: the DER is written here
        byte[] algorithm = der(0x30, concat(PBES2_OID, parameters.getEncoded()));
        return der(0x30, concat(algorithm, der(0x04, encrypted)));
    }

    /** OBJECT IDENTIFIER 1.2.840.113549.1.5.13 (PBES2), DER-encoded. */
    private static final byte[] PBES2_OID = HexFormat.of().parseHex("06092a864886f70d01050d");

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] header = length < 0x80 ? new byte[] {(byte) tag, (byte) length}
                : length < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) length}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        return concat(header, content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] decrypt(byte[] der, char[] password, Path file) throws WalletException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new WalletException(file + " is not an encrypted PKCS#8 key (" + e.getMessage() + ")");
        }
        try {
            AlgorithmParameters parameters = info.getAlgParameters();
            // a PBES2 parameter set names its cipher (PBEWithHmacSHA256AndAES_256, say) as its toString()
            Cipher cipher = Cipher.getInstance(parameters.toString());
            cipher.init(Cipher.DECRYPT_MODE, secret(password, parameters.toString()), parameters);
            return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new WalletException("Wrong password for " + file + " (it does not decrypt the key)");
        }
    }

    private static SecretKey secret(char[] password) throws GeneralSecurityException {
        return secret(password, PBE);
    }

    private static SecretKey secret(char[] password, String algorithm) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
        } finally {
            spec.clearPassword();
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String text, String label, Path file) throws WalletException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new WalletException(file + " is not a PEM key file (no " + end + " line)");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new WalletException(file + " is not a PEM key file (bad base64)");
        }
    }

    /** Creates the file readable and writable by its owner only (where the file system has POSIX permissions). */
    private static void write(Path file, String content) throws WalletException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (parent != null && Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new WalletException(file + " already exists: it may hold coins' key; choose another --key FILE");
        } catch (IOException e) {
            throw new WalletException("Cannot write the key file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
