package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The miner's one back-off: waits of 1 s, 2 s, 4 s … up to 30 s between tries, back to 1 s after a success, each cut
 * short by its {@link Stopper}. Used by the mining loops (HTTP and TCP) between tries to reach the node, and by the
 * {@link TipStream} between reconnections. Belongs to one thread.
 */
final class Retries {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration CEILING = Duration.ofSeconds(30);

    private final PrintStream out;
    private final Stopper stopper;
    private Duration next = FIRST;

    Retries(PrintStream out, Stopper stopper) {
        this.out = out;
        this.stopper = stopper;
    }

    /** The try worked: the next failure waits the shortest delay again. */
    void succeeded() {
        next = FIRST;
    }

    /** Says why and for how long, then waits the next delay, or less if stopped meanwhile; an interrupt stops. */
    void pause(String why) {
        out.printf("%s; retrying in %d s%n", why, next.toSeconds());
        pause();
    }

    /** Waits the next delay without a word (for a caller that says itself what it does), as {@link #pause(String)}. */
    void pause() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(CEILING) > 0 ? CEILING : doubled;
        try {
            stopper.await(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopper.stop();
        }
    }
}
