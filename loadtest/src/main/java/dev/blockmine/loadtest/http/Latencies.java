package dev.blockmine.loadtest.http;

import java.util.Arrays;

/** Request latencies in nanoseconds, appended by one thread, merged after the run. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The p-th percentile in milliseconds (values must be sorted, as {@link #merge} leaves them). */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(size - 1, Math.ceil(p / 100 * size) - 1);
        return values[Math.max(0, index)] / 1e6;
    }
}
