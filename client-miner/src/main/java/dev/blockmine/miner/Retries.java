package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A mining loop's waits between retries: 1 s, 2 s, 4 s … up to 30 s, back to 1 s after a success, each cut short
 * by the loop's {@link Stopper}. Belongs to the loop's own thread.
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

    /** The node answered: the next failure waits the shortest delay again. */
    void succeeded() {
        next = FIRST;
    }

    /** Says why and waits the next delay, or less if stopped meanwhile; an interrupt stops the loop. */
    void pause(String why) {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(CEILING) > 0 ? CEILING : doubled;
        out.printf("%s; retrying in %d s%n", why, delay.toSeconds());
        try {
            stopper.await(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopper.stop();
        }
    }
}
