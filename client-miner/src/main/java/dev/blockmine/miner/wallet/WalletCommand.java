package dev.blockmine.miner.wallet;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.blockmine.miner.MinerCommand;
import dev.blockmine.miner.NodeClient;
import dev.blockmine.miner.NodeException;
import dev.blockmine.miner.NodeReply;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.SpendSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code client-miner wallet new|address|balance|send}: an Ed25519 key in a file, and signed spends for a node with
 * {@code node.ledger=signed}. The address is the lowercase hex of the raw public key; to earn coins you can spend,
 * mine with it as your id.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Your coins on a node: a key file, its address, its balance, and signed spends.",
            "Mine with the address as your id (--id ADDRESS) to earn coins you can spend."},
        footer = {"", "Examples:",
            "  client-miner wallet new --key ana.pem",
            "  client-miner wallet balance --key ana.pem --node http://localhost:5000",
            "  client-miner wallet send 3f1c...e9 1.5 --key ana.pem"})
public final class WalletCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MinerCommand parent;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Say what to do: new, address, balance or send");
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Makes a key, writes it to --key FILE (readable"
            + " by you only, encrypted with a password) and prints its address.")
    int create(@Mixin WalletOptions options) {
        return run(() -> {
            KeyPair pair = KeyFile.create(options.key, options.password(true));
            parent.out().println("Wrote " + options.key + " (keep it, and its password: it alone can spend the coins)");
            parent.out().println("Address: " + SpendSignature.address(pair.getPublic()));
            return 0;
        });
    }

    @Command(name = "address", mixinStandardHelpOptions = true, description = "Prints the address of --key FILE.")
    int address(@Mixin WalletOptions options) {
        return run(() -> {
            parent.out().println(SpendSignature.address(KeyFile.read(options.key, options.password(false)).getPublic()));
            return 0;
        });
    }

    @Command(name = "balance", mixinStandardHelpOptions = true,
            description = "Prints what ADDRESS (default: the address of --key FILE) holds on the node, and may spend.")
    int balance(@Parameters(arity = "0..1", paramLabel = "ADDRESS") String address, @Mixin WalletOptions options) {
        return run(() -> {
            String id = address != null ? address
                    : SpendSignature.address(KeyFile.read(options.key, options.password(false)).getPublic());
            JsonNode account = node(options).balance(id);
            parent.out().println(id + ": balance " + CanonicalJson.encode(account.path("balance")) + ", available "
                    + CanonicalJson.encode(account.path("available")));
            return 0;
        });
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Signs a spend of AMOUNT coins to RECIPIENT"
            + " with the next nonce, posts it to the node and prints the node's answer.")
    int send(@Parameters(index = "0", paramLabel = "RECIPIENT") String recipient,
            @Parameters(index = "1", paramLabel = "AMOUNT", description = "e.g. 2 or 1.5") String amountText,
            @Mixin WalletOptions options) {
        return run(() -> {
            Number amount = amount(amountText);
            KeyPair pair = KeyFile.read(options.key, options.password(false));
            String sender = SpendSignature.address(pair.getPublic());
            NodeClient node = node(options);
            long nonce = node.lastNonce(sender) + 1;
            String signature = SpendSignature.sign(pair.getPrivate(), SpendSignature.message(amount, nonce, recipient, sender));
            ObjectNode spend = JsonNodeFactory.instance.objectNode().put("sender", sender).put("recipient", recipient)
                    .put("nonce", nonce).put("signature", signature);
            spend.set("amount", amount instanceof BigInteger integer ? JsonNodeFactory.instance.numberNode(integer)
                    : JsonNodeFactory.instance.numberNode(amount.doubleValue()));
            NodeReply reply = node.sendTransaction(spend);
            if (reply.status() / 100 == 2) {
                parent.out().println("Sent (nonce " + nonce + "): " + reply.message());
                return 0;
            }
            parent.err().println("Refused (" + reply.status() + "): " + reply.message());
            return 1;
        });
    }

    /** The amount as Python's json.loads reads it: an integer stays one, anything with a point or exponent is a float. */
    static Number amount(String text) throws WalletException {
        try {
            JsonNode amount = CanonicalJson.parse(text);
            if (amount != null && amount.isIntegralNumber()) {
                return amount.bigIntegerValue();
            }
            if (amount != null && amount.isNumber() && Double.isFinite(amount.doubleValue())) {
                return amount.doubleValue();
            }
        } catch (JacksonException e) {
            // said below
        }
        throw new WalletException("AMOUNT must be a number such as 2 or 1.5, was " + text);
    }

    private static NodeClient node(WalletOptions options) throws WalletException {
        try {
            return new NodeClient(options.node, Duration.ofSeconds(10));
        } catch (IllegalArgumentException e) {
            throw new WalletException(e.getMessage());
        }
    }

    private interface Step {
        int run() throws WalletException, NodeException, GeneralSecurityException;
    }

    /** Every failure is one line on stderr and exit code 1. */
    private int run(Step step) {
        try {
            return step.run();
        } catch (WalletException | NodeException e) {
            parent.err().println(e.getMessage());
        } catch (GeneralSecurityException e) {
            parent.err().println("Could not sign: " + e.getMessage());
        }
        return 1;
    }
}
