package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Attack 3 of round three, its second half: out of descriptors, {@code accept} failed in a tight loop (91 % of a core,
 * 21 MB/s of WARN lines). A failing accept now pauses, 10 ms doubling to 1 s, and logs one line per 10 s.
 */
class AcceptBackoffTest {

    @Test
    void failuresPauseLongerAndLogOncePerPeriod() {
        Logger logger = (Logger) LoggerFactory.getLogger("accept-backoff-test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        AcceptBackoff backoff = new AcceptBackoff(logger);
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pauses.add(backoff.failed(new IOException("Too many open files")).toMillis());
        }
        assertThat(pauses.subList(0, 8)).containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L);
        assertThat(pauses.getLast()).isEqualTo(1000L);
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getFormattedMessage()).contains("Too many open files");
        backoff.succeeded();
        assertThat(backoff.failed(new IOException("again"))).isEqualTo(Duration.ofMillis(10));
        assertThat(lines.list).hasSize(1);
    }
}
