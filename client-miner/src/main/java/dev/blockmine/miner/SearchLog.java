package dev.blockmine.miner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One JSON line per proof search, for benchmarks (scripts/stale-bench.sh): which block it was for, when it ran (wall
 * clock, seconds since the epoch, comparable with the blocks' timestamps), on how many threads, and how it ended.
 * Written as each search ends, so a miner stopped by a signal leaves a complete file.
 */
final class SearchLog implements AutoCloseable {

    /** How a search ended. */
    enum Outcome {
        /** its proof forged the block */
        WON,
        /** its proof was valid but the block was already forged (409) */
        STALE,
        /** dropped: the miner heard of a new block (pushed or polled) */
        ABANDONED,
        /** its proof was refused otherwise, or could not be posted */
        REFUSED,
        /** the miner was stopped */
        STOPPED
    }

    static final SearchLog NONE = new SearchLog(null);

    private final BufferedWriter writer;

    private SearchLog(BufferedWriter writer) {
        this.writer = writer;
    }

    static SearchLog to(Path file) {
        try {
            return new SearchLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search log " + file, e);
        }
    }

    /**
     * @param index the block the search was for
     * @param started when it started, in milliseconds since the epoch
     * @param ended when it ended (a proof found, or dropped)
     */
    void record(BigInteger index, long started, long ended, int threads, long tried, Outcome outcome) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(String.format(Locale.ROOT,
                    "{\"end\": %.3f, \"index\": %s, \"outcome\": \"%s\", \"start\": %.3f, \"threads\": %d, \"tried\": %d}%n",
                    ended / 1e3, index, outcome.name().toLowerCase(Locale.ROOT), started / 1e3, threads, tried));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search log", e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // nothing more to write
            }
        }
    }
}
