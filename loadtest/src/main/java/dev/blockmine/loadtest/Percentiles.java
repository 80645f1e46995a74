package dev.blockmine.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Percentiles of latencies in nanoseconds, read from an HdrHistogram: the one percentile rule of the load tools,
 * nearest rank over the recorded values, each kept to {@value #DIGITS} significant digits (so a percentile is at most
 * 0.1% above the value recorded, and no sample is kept or sorted).
 */
public final class Percentiles {

    /** Significant decimal digits of every histogram the load tools record into. */
    public static final int DIGITS = 3;

    private final Histogram histogram;

    private Percentiles(Histogram histogram) {
        this.histogram = histogram;
    }

    /** What {@code histogram} holds now (it is read, not copied: do not record into it meanwhile). */
    public static Percentiles of(Histogram histogram) {
        return new Percentiles(histogram);
    }

    /** The percentiles of a few samples in hand. */
    public static Percentiles of(long... samples) {
        Histogram histogram = histogram();
        for (long sample : samples) {
            histogram.recordValue(sample);
        }
        return new Percentiles(histogram);
    }

    /** An empty histogram of the load tools' precision, growing to whatever range is recorded. */
    public static Histogram histogram() {
        return new Histogram(DIGITS);
    }

    /** A recorder of the load tools' precision, for many threads recording at once without a lock. */
    public static Recorder recorder() {
        return new Recorder(DIGITS);
    }

    /** The value at {@code percent} (0 is the least, 100 the greatest); -1 without samples. */
    public long at(double percent) {
        return histogram.getTotalCount() == 0 ? -1 : histogram.getValueAtPercentile(percent);
    }

    /** {@link #at} in milliseconds; NaN without samples. */
    public double millisAt(double percent) {
        return histogram.getTotalCount() == 0 ? Double.NaN : at(percent) / 1e6;
    }

    public long count() {
        return histogram.getTotalCount();
    }
}
