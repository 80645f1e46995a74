package dev.blockmine.miner.wallet;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import picocli.CommandLine.Option;

/** What every wallet command takes: the key file, its password, and the node. */
public final class WalletOptions {

    /** Read when set, so that scripts need no terminal. */
    static final String PASSWORD_VARIABLE = "BLOCKMINE_WALLET_PASSWORD";

    @Option(names = "--key", paramLabel = "FILE", defaultValue = "wallet.pem",
            description = "The key file (PKCS#8, encrypted; default: ${DEFAULT-VALUE}).")
    Path key;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the key's password from FILE (first line) instead of the terminal or $"
                    + PASSWORD_VARIABLE + ".")
    Path passwordFile;

    @Option(names = "--node", paramLabel = "NODE_URL", defaultValue = "http://localhost:5000",
            description = "The node, as for mining (default: ${DEFAULT-VALUE}).")
    String node;

    /** The password: from --password-file, else $BLOCKMINE_WALLET_PASSWORD, else asked on the terminal. */
    char[] password(boolean confirm) throws WalletException {
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw new WalletException("Cannot read the password file " + passwordFile.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new WalletException("No password: run in a terminal, set " + PASSWORD_VARIABLE + ", or pass --password-file FILE");
        }
        char[] password = console.readPassword("Password for %s: ", key);
        if (confirm && !Arrays.equals(password, console.readPassword("Again: "))) {
            throw new WalletException("The passwords differ; nothing was written");
        }
        return password == null ? new char[0] : password;
    }
}
