package dev.blockmine.miner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of measured rates, printed with their ratios to the naive Java loop and to Python, per core. */
final class BenchTable {

    /** One measured row. */
    record Row(String engine, int threads, double proofsPerSecond) {
    }

    private final int cores;
    private final List<Row> rows = new ArrayList<>();
    private double javaPerCore = Double.NaN;
    private double pythonPerCore = Double.NaN;

    BenchTable(int cores) {
        this.cores = cores;
    }

    void baseline(String engine, int threads, double proofsPerSecond) {
        javaPerCore = proofsPerSecond / threads;
        rows.add(new Row(engine, threads, proofsPerSecond));
    }

    /** Python's rate, or NaN when the run failed (the column then says n/a). */
    void python(String engine, double proofsPerSecond) {
        pythonPerCore = proofsPerSecond;
        if (!Double.isNaN(proofsPerSecond)) {
            rows.add(new Row(engine, 1, proofsPerSecond));
        }
    }

    void row(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return rows;
    }

    void print(PrintStream out) {
        out.println("| engine | threads | M proofs/s | M proofs/s per core | x naive Java (per core) | x Python (per core) |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            double perCore = row.proofsPerSecond() / Math.min(row.threads(), cores);
            out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %s | %s |%n", row.engine(), row.threads(),
                    row.proofsPerSecond() / 1e6, perCore / 1e6, ratio(perCore, javaPerCore), ratio(perCore, pythonPerCore));
        }
    }

    private static String ratio(double value, double base) {
        return Double.isNaN(base) || base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value / base);
    }
}
