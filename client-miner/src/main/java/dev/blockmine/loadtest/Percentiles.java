package dev.blockmine.loadtest;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples. */
record Percentiles(long[] sorted) {

    static Percentiles of(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    long at(double percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    int count() {
        return sorted.length;
    }
}
