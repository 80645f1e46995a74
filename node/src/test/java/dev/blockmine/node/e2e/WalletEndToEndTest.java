package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.miner.MinerRun;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.node.ledger.LedgerCalls;

/** The client's wallet against a real node with node.ledger=signed: new, balance, send, and the refusals it prints. */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=signed"})
class WalletEndToEndTest extends NodeOnRandomPort {

    private final MinerRun miner = new MinerRun();

    @Test
    void aMinerSpendsWhatItMinedAndNoMore(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ana.pem");
        Path password = Files.writeString(dir.resolve("password"), "pass phrase\n");
        String node = url();
        String[] keyOptions = {"--key", key.toString(), "--password-file", password.toString(), "--node", node};

        assertThat(wallet("new", keyOptions)).as(miner.err()).isZero();
        String address = miner.out().lines().filter(line -> line.startsWith("Address: ")).findFirst().orElseThrow().substring(9);
        LedgerCalls.mine(port, chain, address); // a miner who wants to spend mines with its address as id
        LedgerCalls.mine(port, chain, address);
        assertThat(wallet("balance", keyOptions)).isZero();
        assertThat(miner.out()).contains(address + ": balance 2, available 2");

        assertThat(wallet("send", keyOptions, "bob", "1.5")).as(miner.err()).isZero();
        assertThat(miner.out()).contains("Sent (nonce 1): Transaction will be added to Block " + (chain.tip().index() + 1));
        assertThat(wallet("send", keyOptions, "bob", "1")).isEqualTo(1);
        assertThat(miner.err()).contains("Refused (400): Insufficient balance").contains("0.5 available");

        LedgerCalls.mine(port, chain, "someone else");
        Transaction spent = chain.tip().block().transactions().getFirst();
        assertThat(spent.sender()).isEqualTo(address);
        assertThat(spent.signed().nonce()).isEqualTo(1);
        assertThat(wallet("balance", keyOptions, "bob")).isZero();
        assertThat(miner.out()).contains("bob: balance ");
        assertThat(wallet("balance", keyOptions)).isZero();
        assertThat(miner.out()).contains(address + ": balance 0.5, available 0.5");
        assertThat(wallet("send", keyOptions, "carol", "0.5")).as(miner.err()).isZero();
        assertThat(miner.out()).contains("Sent (nonce 2)");
    }

    private int wallet(String command, String[] options, String... arguments) {
        String[] args = new String[2 + arguments.length + options.length];
        args[0] = "wallet";
        args[1] = command;
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        System.arraycopy(options, 0, args, 2 + arguments.length, options.length);
        return miner.run(args);
    }
}
