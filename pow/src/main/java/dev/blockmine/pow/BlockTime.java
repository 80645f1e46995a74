package dev.blockmine.pow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bitcoin's rule for block times, a rule of the chain: a block's timestamp must be greater than the median of the
 * previous {@value #SPAN} blocks' (so time cannot be walked back, which would fool the binary target's retargeting),
 * and at most {@value #MAX_AHEAD_SECONDS} seconds ahead of the clock of the node that checks it.
 */
public final class BlockTime {

    /** How many earlier blocks' times the median is taken over. */
    public static final int SPAN = 11;

    /** Two hours, as Bitcoin allows. */
    public static final double MAX_AHEAD_SECONDS = 2 * 60 * 60;

    private BlockTime() {
    }

    /** Seconds since the epoch now, on this machine's clock. */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** The median of {@code times} (the upper middle of an even count, as Bitcoin's); 0 for none. */
    public static double median(Collection<Double> times) {
        if (times.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The earliest time a block after blocks with these {@code times} (the last {@value #SPAN}, oldest first) may have:
     * a microsecond past their median, as Python's {@code time()} counts.
     */
    public static double earliestAfter(Collection<Double> times) {
        return Math.nextUp(median(times) + 1e-6);
    }

    /**
     * What is wrong with {@code time} for a block after blocks with {@code times}, or null.
     *
     * @param now the checking node's clock, or NaN to check only the past
     */
    static String problem(double time, Collection<Double> times, double now) {
        if (!times.isEmpty() && !(time > median(times))) {
            return "timestamp " + PythonFloat.repr(time) + " is not after " + PythonFloat.repr(median(times))
                    + ", the median of the previous " + times.size() + " blocks' timestamps";
        }
        if (!Double.isNaN(now) && time > now + MAX_AHEAD_SECONDS) {
            return "timestamp " + PythonFloat.repr(time) + " is more than 2 hours ahead of this node's clock";
        }
        return null;
    }
}
