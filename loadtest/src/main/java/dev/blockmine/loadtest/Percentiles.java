package dev.blockmine.loadtest;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples in nanoseconds: the one percentile rule of both load tools. */
public record Percentiles(long[] sorted) {

    public static Percentiles of(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The sample at {@code percent} (0 is the least, 100 the greatest); -1 without samples. */
    public long at(double percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    /** {@link #at} in milliseconds; NaN without samples. */
    public double millisAt(double percent) {
        return sorted.length == 0 ? Double.NaN : at(percent) / 1e6;
    }

    public int count() {
        return sorted.length;
    }
}
