package dev.blockmine.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.Interop;
import dev.blockmine.pow.PythonAvailable;

/** A spend signed by Python's `cryptography` (interop/signed_spend.py) is what the node takes: any client can make one. */
@TestPropertySource(properties = {"node.difficulty=3", "node.ledger=signed"})
class PythonSignedSpendTest extends NodeOnRandomPort {

    @BeforeAll
    static void python() throws InterruptedException {
        PythonAvailable.assume("cryptography", "requests");
    }

    @Test
    void aSpendSignedInPythonIsAcceptedAndMined() throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        String seedHex = HexFormat.of().formatHex(seed);
        String address = python("address", seedHex).strip();
        assertThat(address).matches("[0-9a-f]{64}");
        LedgerCalls.mine(port, chain, address);
        LedgerCalls.mine(port, chain, address);

        assertThat(python("send", url(), seedHex, "bob", "1.5")).startsWith("201 ");
        assertThat(python("send", url(), seedHex, "carol", "1")).as("0.5 left").startsWith("400 ")
                .contains("balance");
        LedgerCalls.mine(port, chain, "m");
        Transaction spent = chain.tip().block().transactions().getFirst();
        assertThat(spent.sender()).isEqualTo(address);
        assertThat(spent.amount()).isEqualTo(1.5);
        assertThat(spent.signed().nonce()).isEqualTo(1);
    }

    private String python(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = Interop.python();
        command[1] = Interop.script("signed_spend.py").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("signed_spend.py ends").isTrue();
        return said;
    }

}
