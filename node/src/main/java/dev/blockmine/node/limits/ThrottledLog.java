package dev.blockmine.node.limits;

import java.time.Duration;

/**
 * When to log something that may happen thousands of times a second (an attack's refused connections, a failing
 * {@code accept}): at most once per period, with how many happened since the last line.
 */
public final class ThrottledLog {

    private final long periodNanos;
    private long last; // guarded by this
    private int since; // guarded by this

    public ThrottledLog(Duration period) {
        this.periodNanos = period.toNanos();
        this.last = System.nanoTime() - periodNanos;
    }

    /** Counts one occurrence; returns how many to report (this one included) when a line is due, else 0. */
    public synchronized int occurred() {
        since++;
        long now = System.nanoTime();
        if (now - last < periodNanos) {
            return 0;
        }
        last = now;
        int report = since;
        since = 0;
        return report;
    }
}
