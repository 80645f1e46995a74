package dev.blockmine.node.limits;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The pauses of a loop that runs for ever and rests after each failure (the replica follower, the TCP accept loop,
 * the job board opening the next job): the first pause, doubled for each failure in a row up to the longest, and the
 * first again after a success. Spring's {@link ExponentialBackOff} computes them; a try that ends, with a number of
 * tries and giving up, is {@code RetryTemplate}'s instead (peers.BlockAnnouncer).
 */
public final class RetryPauses {

    private final ExponentialBackOff backOff;
    private BackOffExecution run; // guarded by this; null: no failure since the last success

    public RetryPauses(Duration first, Duration longest) {
        backOff = new ExponentialBackOff(first.toMillis(), 2);
        backOff.setMaxInterval(longest.toMillis()); // no limit on tries or time: the loop never gives up
    }

    /** A pause that never grows: the same after every failure. */
    public static RetryPauses every(Duration pause) {
        return new RetryPauses(pause, pause);
    }

    /** How long to rest after one more failure in a row. */
    public synchronized Duration failed() {
        if (run == null) {
            run = backOff.start();
        }
        return Duration.ofMillis(run.nextBackOff());
    }

    /** A try went well: the next failure rests the first pause again. */
    public synchronized void succeeded() {
        run = null;
    }

    /**
     * Sleeps {@code pause}.
     *
     * @return false when interrupted (the thread's interrupt status is set again, for the loop to stop)
     */
    public static boolean rest(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
