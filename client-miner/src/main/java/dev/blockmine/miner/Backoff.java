package dev.blockmine.miner;

import java.time.Duration;

/** Exponential back-off between retries: 1 s, 2 s, 4 s … up to a ceiling, reset after a success. */
final class Backoff {

    private final Duration first;
    private final Duration ceiling;
    private Duration next;

    Backoff(Duration first, Duration ceiling) {
        this.first = first;
        this.ceiling = ceiling;
        this.next = first;
    }

    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        return current;
    }

    void reset() {
        next = first;
    }
}
