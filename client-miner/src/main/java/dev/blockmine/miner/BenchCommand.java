package dev.blockmine.miner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code client-miner bench}: every engine on both rules, in one run, against the naive Java loop and the Python
 * course miner measured in the same run. Not a test: numbers depend on the machine and its load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measures every proof search engine on both proof rules and prints a table:",
            "M proofs/s, per core, and ratios to the naive Java loop and to the Python course miner run alongside."})
final class BenchCommand implements Callable<Integer> {

    /** The course's genesis block string (101 bytes), as in the proof vectors (pow/src/test/resources/vectors). */
    static final String BLOCK_STRING = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.1234567, \"transactions\": []}";

    @ParentCommand
    MinerCommand parent;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Measured seconds per row (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "1",
            description = "Warm-up seconds per row, not measured (default: ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads for the multi-threaded rows (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--python", paramLabel = "PYTHON", defaultValue = "python3",
            description = "The Python that runs the course miner's baseline (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--python-miner", paramLabel = "FILE",
            description = "The course miner to measure (default: the jar's copy of interop/course_miner.py).")
    Path pythonMiner;

    @Override
    public Integer call() {
        PrintStream out = parent.out();
        if (seconds <= 0 || warmUpSeconds < 0 || threads < 1) {
            parent.err().println("Invalid option: --seconds must be > 0, --warmup >= 0, --threads >= 1");
            return 2;
        }
        Duration measure = Duration.ofMillis(Math.round(seconds * 1000));
        Duration warmUp = Duration.ofMillis(Math.round(warmUpSeconds * 1000));
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "Machine: %d cores, load average %s; Java %s; %s%n", cores, loadAverage(),
                Runtime.version(), vectorNote());
        Optional<Path> script = PythonBaseline.courseMinerScript(pythonMiner);
        boolean withPython = script.isPresent() && PythonBaseline.available(python);
        if (!withPython) {
            out.println("Python column skipped: " + (script.isEmpty()
                    ? "no course miner " + (pythonMiner == null ? "in this jar" : "at " + pythonMiner) : "cannot run " + python + " (use --python PYTHON)"));
        }

        List<EngineKind> engines = new ArrayList<>(List.of(EngineKind.DIGEST, EngineKind.SCALAR));
        if (Engines.whyNoVector() == null) {
            engines.add(EngineKind.VECTOR);
        }
        List<Integer> threadCounts = threads == 1 ? List.of(1) : List.of(1, threads);

        out.println();
        out.println("HTTP rule: sha256(block_string + str(proof)), 101-byte block string");
        BenchTable http = new BenchTable(cores);
        http.baseline(Throughput.naiveHttp(BLOCK_STRING, warmUp, measure));
        if (withPython) {
            http.python(PythonBaseline.courseMiner(python, script.get()));
        }
        for (EngineKind kind : engines) {
            for (int n : threadCounts) {
                http.row(Throughput.http(kind, n, BLOCK_STRING, warmUp, measure));
            }
        }
        http.print(out);

        out.println();
        out.println("Binary rule: sha256(LE32(nonce) + 1024 data bytes)");
        BenchTable binary = new BenchTable(cores);
        byte[] data = Throughput.benchData();
        binary.baseline(Throughput.naiveBinary(data, warmUp, measure));
        if (withPython) {
            binary.python(PythonBaseline.binaryLoop(python));
        }
        for (EngineKind kind : engines) {
            for (int n : threadCounts) {
                binary.row(Throughput.binary(kind, n, data, warmUp, measure));
            }
        }
        binary.print(out);
        out.printf(Locale.ROOT, "%nLoad average after the run: %s%n", loadAverage());
        return 0;
    }

    private static String vectorNote() {
        String why = Engines.whyNoVector();
        return why == null ? "vector engine: " + Engines.vectorLanes() + " lanes of 32 bits"
                : "vector engine unavailable: " + why;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
