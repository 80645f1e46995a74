package dev.blockmine.miner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of measured rates, printed with their ratios to the naive Java loop and to Python. Ratios compare proofs
 * per CPU-second (the CPU time the measured process used), which other load on a shared machine barely moves;
 * wall-clock rates are printed too.
 */
final class BenchTable {

    /**
     * One measured row.
     *
     * @param proofsPerSecond       wall clock
     * @param proofsPerCpuSecond    per second of CPU time used by the measured process
     */
    record Row(String engine, int threads, double proofsPerSecond, double proofsPerCpuSecond) {
    }

    private final int cores;
    private final List<Row> rows = new ArrayList<>();
    private double javaPerCpuSecond = Double.NaN;
    private double pythonPerCpuSecond = Double.NaN;

    BenchTable(int cores) {
        this.cores = cores;
    }

    void baseline(Row row) {
        javaPerCpuSecond = row.proofsPerCpuSecond();
        rows.add(row);
    }

    /** Python's row; a failed run (NaN rates) leaves the column n/a. */
    void python(Row row) {
        pythonPerCpuSecond = row.proofsPerCpuSecond();
        if (!Double.isNaN(row.proofsPerSecond())) {
            rows.add(row);
        }
    }

    void row(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return rows;
    }

    void print(PrintStream out) {
        out.println("| engine | threads | M proofs/s | M proofs/s per core | M proofs/s per CPU-second"
                + " | x naive Java | x Python |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            double perCore = row.proofsPerSecond() / Math.min(row.threads(), cores);
            double perCpu = row.proofsPerCpuSecond();
            out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %s | %s |%n", row.engine(), row.threads(),
                    row.proofsPerSecond() / 1e6, perCore / 1e6, perCpu / 1e6, ratio(perCpu, javaPerCpuSecond),
                    ratio(perCpu, pythonPerCpuSecond));
        }
    }

    private static String ratio(double value, double base) {
        return Double.isNaN(base) || base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value / base);
    }
}
