package dev.blockmine.loadtest.http;

import java.time.Duration;

/**
 * When a simulated miner's rounds are due: each as soon as the one before ends (closed loop), or one per interval on a
 * fixed schedule (paced). A paced round that the server held up leaves the schedule where it was: the rounds due
 * meanwhile follow at once, each due when the schedule said, so its latency counts the wait (no coordinated omission:
 * a stall shows in every round it delayed, not only in the one it happened to).
 */
final class RoundSchedule {

    private final long intervalNanos;
    private long next;

    private RoundSchedule(long intervalNanos, long first) {
        this.intervalNanos = intervalNanos;
        this.next = first;
    }

    static RoundSchedule closedLoop() {
        return new RoundSchedule(0, 0);
    }

    /** @param first when the first round is due ({@link System#nanoTime()}) */
    static RoundSchedule paced(Duration interval, long first) {
        return new RoundSchedule(interval.toNanos(), first);
    }

    /** Waits until the next round is due, and returns when it was due ({@link System#nanoTime()}); now, closed loop. */
    long awaitNext() throws InterruptedException {
        if (intervalNanos == 0) {
            return System.nanoTime();
        }
        long due = next;
        next += intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        return due;
    }
}
