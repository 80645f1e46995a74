package dev.blockmine.node.tcp;

import java.time.Duration;

import org.slf4j.Logger;

import dev.blockmine.node.limits.ThrottledLog;

/**
 * What the accept loop does when {@code accept} fails (out of file descriptors, say: the connection stays queued, so
 * the next {@code accept} fails at once): it pauses, 10 ms doubling to 1 s, and says so at most once every 10 s with
 * the number of failures, instead of spinning a core and flooding the log.
 */
final class AcceptBackoff {

    private static final long FIRST_MILLIS = 10;
    private static final long MAX_MILLIS = 1000;

    private final Logger log;
    private final ThrottledLog throttle = new ThrottledLog(Duration.ofSeconds(10));
    private long pauseMillis;

    AcceptBackoff(Logger log) {
        this.log = log;
    }

    /** Logs (at most once every 10 s) and returns how long to pause before the next {@code accept}. */
    Duration failed(Throwable failure) {
        pauseMillis = pauseMillis == 0 ? FIRST_MILLIS : Math.min(MAX_MILLIS, pauseMillis * 2);
        int failures = throttle.occurred();
        if (failures > 0) {
            String message = "TCP accept failed {} time(s) since the last report; pausing up to {} ms between tries: {}";
            if (failure instanceof Error) {
                log.error(message, failures, pauseMillis, failure.toString(), failure);
            } else {
                log.warn(message, failures, pauseMillis, failure.toString());
            }
        }
        return Duration.ofMillis(pauseMillis);
    }

    /** An accept went well: the next failure pauses briefly again. */
    void succeeded() {
        pauseMillis = 0;
    }
}
