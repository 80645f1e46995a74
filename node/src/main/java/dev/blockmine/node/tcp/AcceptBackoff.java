package dev.blockmine.node.tcp;

import java.time.Duration;

import org.slf4j.Logger;

import dev.blockmine.node.limits.RetryPauses;
import dev.blockmine.node.limits.ThrottledLog;

/**
 * What the accept loop does when {@code accept} fails (out of file descriptors, say: the connection stays queued, so
 * the next {@code accept} fails at once): it pauses, 10 ms doubling to 1 s, and says so at most once every 10 s with
 * the number of failures, instead of spinning a core and flooding the log.
 */
final class AcceptBackoff {

    private final Logger log;
    private final ThrottledLog throttle = new ThrottledLog(Duration.ofSeconds(10));
    private final RetryPauses pauses = new RetryPauses(Duration.ofMillis(10), Duration.ofSeconds(1));

    AcceptBackoff(Logger log) {
        this.log = log;
    }

    /** Logs (at most once every 10 s) and returns how long to pause before the next {@code accept}. */
    Duration failed(Throwable failure) {
        Duration pause = pauses.failed();
        int failures = throttle.occurred();
        if (failures > 0) {
            String message = "TCP accept failed {} time(s) since the last report; pausing up to {} ms between tries: {}";
            if (failure instanceof Error) {
                log.error(message, failures, pause.toMillis(), failure.toString(), failure);
            } else {
                log.warn(message, failures, pause.toMillis(), failure.toString());
            }
        }
        return pause;
    }

    /** An accept went well: the next failure pauses briefly again. */
    void succeeded() {
        pauses.succeeded();
    }
}
