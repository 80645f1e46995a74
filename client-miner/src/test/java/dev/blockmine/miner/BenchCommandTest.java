package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.blockmine.pow.Interop;
import dev.blockmine.pow.PythonAvailable;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void printsARowPerEngineForBothRulesAndPythonFromTheJarsOwnCourseMiner() throws Exception {
        PythonAvailable.assume();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinerCommand miner = new MinerCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        // no --python-miner: the course miner comes from the classpath copy of interop/course_miner.py
        int code = new CommandLine(miner).execute("bench", "--seconds", "0.05", "--warmup", "0.05", "--threads", "1",
                "--python", Interop.python());
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(table).contains("HTTP rule", "Binary rule", "| java naive loop | 1 |", "| message-digest | 1 |",
                "| scalar | 1 |", "| vector-");
        assertThat(table.lines().filter(line -> line.startsWith("| vector-")).count()).isEqualTo(2);
        assertThat(table).contains("| python course_miner.py | 1 |", "| python hashlib loop | 1 |")
                .doesNotContain("Python column skipped");
    }

    @Test
    void saysWhyThePythonColumnIsSkipped(@TempDir Path empty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinerCommand miner = new MinerCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        int code = new CommandLine(miner).execute("bench", "--seconds", "0.02", "--warmup", "0", "--threads", "1",
                "--python-miner", empty.resolve("none.py").toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Python column skipped: no course miner at");
    }

    @Test
    void ratiosCompareProofsPerCpuSecond() {
        BenchTable table = new BenchTable(2);
        table.baseline(new BenchTable.Row("java naive loop", 1, 2e6, 2e6));
        table.python(new BenchTable.Row("python", 1, 1e6, 1e6));
        table.row(new BenchTable.Row("fast", 2, 30e6, 20e6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| fast | 2 | 30.00 | 15.00 | 20.00 | 10.0 | 20.0 |");
    }

    @Test
    void readsTheCourseMinersRate() {
        assertThat(PythonBaseline.rate("mining...\nproofs/s: 1523456.5\n")).isEqualTo(1523456.5);
        assertThat(PythonBaseline.rate("no rate here")).isNaN();
    }
}
