package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;
import dev.blockmine.pow.search.ProofSearch;
import picocli.CommandLine;

class MinerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandLine command() {
        return new CommandLine(new MinerCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void helpExplainsEveryOption() {
        StringWriter help = new StringWriter();
        int code = command().setOut(new PrintWriter(help)).execute("--help");
        assertThat(code).isZero();
        assertThat(help.toString()).contains("NODE_URL", "http://localhost:", "--id", "verify-chain", "--id-file", "my_id.txt",
                "--threads", "--zeros", "--poll", "--blocks", "Ctrl-C", "--protocol", "--name", "localhost:5001",
                "--engine", "auto", "vector", "scalar", "digest");
    }

    @Test
    void missingIdFileIsAClearError(@TempDir Path dir) {
        int code = command().execute("--id-file", dir.resolve("my_id.txt").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No miner id").contains("my_id.txt").contains("--id NAME");
    }

    @Test
    void idIsReadFromTheFileAndTrimmed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my_id.txt");
        Files.writeString(file, "  ana\n");
        MinerCommand miner = new MinerCommand(System.out, System.err);
        new CommandLine(miner).parseArgs("--id-file", file.toString());
        assertThat(miner.minerId()).isEqualTo("ana");
    }

    @Test
    void badOptionsAreRefused() {
        assertThat(command().execute("--threads", "0", "--id", "ana")).isEqualTo(2);
        assertThat(command().execute("--zeros", "x")).isEqualTo(2);
        assertThat(command().execute("not a url at all", "--id", "ana")).isEqualTo(2);
        assertThat(command().execute("--engine", "gpu", "--id", "ana")).isEqualTo(2);
    }

    @Test
    void engineIsParsedInAnyCaseAndDefaultsToAuto() {
        MinerCommand miner = new MinerCommand(System.out, System.err);
        new CommandLine(miner).parseArgs();
        assertThat(miner.engine).isEqualTo(EngineKind.AUTO);
        new CommandLine(miner).parseArgs("--engine", "Scalar");
        assertThat(miner.engine).isEqualTo(EngineKind.SCALAR);
    }

    @Test
    void theEngineLineNamesTheEngineAndItsThreads() {
        try (ProofSearch search = Engines.proofSearch(EngineKind.SCALAR, 2)) {
            assertThat(MinerCommand.engineLine(EngineKind.SCALAR, search)).isEqualTo("Engine: scalar, 2 threads");
        }
        try (ProofSearch search = Engines.proofSearch(EngineKind.AUTO, 1)) {
            // Maven runs the tests with the Vector API module, so auto picks the vector engine
            assertThat(MinerCommand.engineLine(EngineKind.AUTO, search)).startsWith("Engine: vector-").endsWith(", 1 thread");
        }
    }

    @Test
    void tcpModeRefusesANameOverTenBytesAndANonAddress() {
        assertThat(command().execute("--protocol", "tcp", "--name", "ñandú-1234", "localhost:5001")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at most 10 bytes");
        assertThat(command().execute("--protocol", "tcp", "--name", "ana", "http://localhost:5001")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HOST:PORT");
        assertThat(command().execute("--protocol", "udp")).isEqualTo(2);
    }
}
