package dev.blockmine.miner.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.miner.MinerRun;
import dev.blockmine.pow.Interop;
import dev.blockmine.pow.PythonAvailable;
import dev.blockmine.pow.SpendSignature;
import dev.blockmine.pow.Vectors;
import tools.jackson.databind.JsonNode;

/** The wallet's key file and its messages, without a node (the signed spends themselves: node's WalletEndToEndTest). */
class WalletCommandTest {

    private final MinerRun miner = new MinerRun();

    private static Path password(Path dir, String password) throws Exception {
        return Files.writeString(dir.resolve("password-" + password), password + "\n");
    }

    @Test
    void newWritesAnEncryptedKeyOnlyItsOwnerReadsAndAddressPrintsItsAddress(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ana.pem");
        String pass = password(dir, "correct horse").toString();
        assertThat(miner.run("wallet", "new", "--key", key.toString(), "--password-file", pass)).as(miner.err()).isZero();
        String address = miner.out().lines().filter(line -> line.startsWith("Address: ")).findFirst().orElseThrow().substring(9);
        assertThat(address).matches("[0-9a-f]{64}");
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));

        assertThat(miner.run("wallet", "address", "--key", key.toString(), "--password-file", pass)).isZero();
        assertThat(miner.out().strip()).isEqualTo(address);

        assertThat(miner.run("wallet", "new", "--key", key.toString(), "--password-file", pass)).isEqualTo(1);
        assertThat(miner.err()).contains("already exists");
    }

    @Test
    void aWrongPasswordOrPathOrNodeIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ana.pem");
        miner.run("wallet", "new", "--key", key.toString(), "--password-file", password(dir, "right").toString());
        assertThat(miner.run("wallet", "address", "--key", key.toString(), "--password-file", password(dir, "wrong").toString()))
                .isEqualTo(1);
        assertThat(miner.err()).contains("Wrong password for " + key);
        assertThat(miner.run("wallet", "address", "--key", dir.resolve("nope.pem").toString(), "--password-file",
                password(dir, "right").toString())).isEqualTo(1);
        assertThat(miner.err()).contains("No key file at").contains("nope.pem");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(miner.run("wallet", "balance", "a".repeat(64), "--node", "http://127.0.0.1:" + closedPort)).isEqualTo(1);
        assertThat(miner.err()).contains("unreachable").contains("127.0.0.1:" + closedPort);
        assertThat(miner.run("wallet", "send", "bob", "lots", "--key", key.toString(), "--password-file",
                password(dir, "right").toString())).isEqualTo(1);
        assertThat(miner.err()).contains("AMOUNT must be a number");
    }

    @Test
    void theAddressOfAKeyIsItsRawPublicKeyAsCPythonComputesIt() throws Exception {
        JsonNode vectors = Vectors.document("signed-spends.json").get("vectors");
        var key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                HexFormat.of().parseHex("302e020100300506032b657004220420" + vectors.get("seed_hex").stringValue())));
        assertThat(SpendSignature.address(PublicKeys.of(key))).isEqualTo(vectors.get("address").stringValue());
    }

    @Test
    void pythonsCryptographyReadsTheKeyFileWithItsPassword(@TempDir Path dir) throws Exception {
        PythonAvailable.assume("cryptography");
        Path key = dir.resolve("ana.pem");
        miner.run("wallet", "new", "--key", key.toString(), "--password-file", password(dir, "s3cret").toString());
        String address = miner.out().lines().filter(line -> line.startsWith("Address: ")).findFirst().orElseThrow().substring(9);
        String program = """
                import sys
                from cryptography.hazmat.primitives.serialization import load_pem_private_key, Encoding, PublicFormat
                key = load_pem_private_key(open(sys.argv[1], "rb").read(), password=b"s3cret")
                print(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex())
                """;
        Process python = new ProcessBuilder(Interop.python(), "-c", program, key.toString()).redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).isEqualTo(address);
    }
}
