package dev.blockmine.node.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RetryPausesTest {

    @Test
    void pausesDoubleUpToTheLongestAndStartAgainAfterASuccess() {
        RetryPauses pauses = new RetryPauses(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(Stream.generate(pauses::failed).limit(8).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        pauses.succeeded();
        assertThat(pauses.failed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFixedPauseNeverGrows() {
        RetryPauses pauses = RetryPauses.every(Duration.ofMillis(1000));

        assertThat(Stream.generate(pauses::failed).limit(5)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void anInterruptedRestSaysSoAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(RetryPauses.rest(Duration.ofMinutes(10))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
