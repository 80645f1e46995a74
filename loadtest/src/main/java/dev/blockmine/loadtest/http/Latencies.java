package dev.blockmine.loadtest.http;

import java.util.Arrays;

import dev.blockmine.loadtest.Percentiles;

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

    /** All the parts' latencies together. */
    static Percentiles merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        return Percentiles.of(Arrays.copyOf(all.values, all.size));
    }
}
