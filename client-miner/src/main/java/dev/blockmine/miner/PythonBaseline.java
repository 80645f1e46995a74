package dev.blockmine.miner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Python side of the benchmark: the course miner's own {@code --bench}, and a hashlib loop for the binary rule. */
final class PythonBaseline {

    /** About a second of work for the course miner at ~1.5 M proofs/s. */
    static final int COURSE_MINER_PROOFS = 2_000_000;
    private static final Pattern RATE = Pattern.compile("proofs/s:\\s*([0-9.eE+]+)");
    private static final Pattern CPU = Pattern.compile("cpu_seconds:\\s*([0-9.eE+-]+)");
    /** Runs the course miner's --bench in-process and adds the CPU seconds it took. */
    private static final String COURSE_MINER_WRAPPER = String.join("\n",
            "import runpy, sys, time",
            "sys.argv = [sys.argv[1], '--bench', sys.argv[2]]",
            "t = time.process_time()",
            "try:",
            "    runpy.run_path(sys.argv[0], run_name='__main__')",
            "except SystemExit:",
            "    pass",
            "print('cpu_seconds:', time.process_time() - t)");
    /** Same rule as the binary protocol (the Python sketch's own line), on 1024 bytes. */
    private static final String BINARY_LOOP = String.join("\n",
            "import hashlib, struct, time",
            "data = bytes(range(256)) * 4",
            "n = 200000",
            "t, c = time.perf_counter(), time.process_time()",
            "for nonce in range(n):",
            "    hashlib.sha256(struct.pack('<I', nonce) + data).digest()",
            "print('proofs/s:', n / (time.perf_counter() - t))",
            "print('cpu_seconds:', time.process_time() - c)");
    private static final int BINARY_LOOP_PROOFS = 200_000;

    /** The copy of {@code interop/course_miner.py} that the build puts in this jar. */
    private static final String COURSE_MINER_RESOURCE = "/interop/course_miner.py";

    private PythonBaseline() {
    }

    static boolean available(String python) {
        return run(List.of(python, "--version")).isPresent();
    }

    /**
     * The course miner to measure: {@code option} when given, else the jar's own copy of
     * {@code interop/course_miner.py}, written to a temporary file for Python to run.
     */
    static Optional<Path> courseMinerScript(Path option) {
        if (option != null) {
            return Files.isRegularFile(option) ? Optional.of(option.toAbsolutePath()) : Optional.empty();
        }
        try (InputStream in = PythonBaseline.class.getResourceAsStream(COURSE_MINER_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Path copy = Files.createTempFile("course_miner", ".py");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(copy);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code course_miner.py --bench}: its own wall-clock rate, and the proofs per CPU-second of its process. */
    static BenchTable.Row courseMiner(String python, Path script) {
        return row("python course_miner.py", COURSE_MINER_PROOFS, run(List.of(python, "-c", COURSE_MINER_WRAPPER,
                script.toString(), Integer.toString(COURSE_MINER_PROOFS))));
    }

    /** {@code hashlib.sha256(struct.pack('<I', nonce) + data)} in a loop. */
    static BenchTable.Row binaryLoop(String python) {
        return row("python hashlib loop", BINARY_LOOP_PROOFS, run(List.of(python, "-c", BINARY_LOOP)));
    }

    private static BenchTable.Row row(String name, int proofs, Optional<String> output) {
        double wall = output.map(PythonBaseline::rate).orElse(Double.NaN);
        double cpuSeconds = output.map(text -> number(CPU, text)).orElse(Double.NaN);
        return new BenchTable.Row(name, 1, wall, proofs / cpuSeconds);
    }

    static double rate(String output) {
        return number(RATE, output);
    }

    private static double number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
