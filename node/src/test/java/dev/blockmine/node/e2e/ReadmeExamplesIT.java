package dev.blockmine.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.Interop;
import dev.blockmine.pow.PythonAvailable;

/**
 * The README's examples run as written, on the jars this build has just made (an integration test: it runs after
 * the node's jar is packaged): the quick start (a node, a miner winning a block, the HTTP API's curl lines, the TCP
 * miner), the wallet against a signed node, and three nodes with miners on two ending on one chain. The work is
 * {@code scripts/readme-check.py}'s, which a user can run too; here its groups run at once, on free ports.
 */
class ReadmeExamplesIT {

    @Test
    void everyCheckedExampleOfTheReadmeWorks() throws Exception {
        PythonAvailable.assume();
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("node/target/node.jar")).as("the node's jar, made before integration tests").exists();
        Path log = Files.createTempFile("readme-check", ".log");
        ProcessBuilder check = new ProcessBuilder(Interop.python(), "scripts/readme-check.py", "--no-build")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        check.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process running = check.start();
        boolean ended = running.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(said);
        assertThat(ended).as(said).isTrue();
        assertThat(running.exitValue()).as(said).isZero();
        assertThat(said).contains("[quick-start] works").contains("[wallet] works").contains("[three-nodes] works");
    }
}
