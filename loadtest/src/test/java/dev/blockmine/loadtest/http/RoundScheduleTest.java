package dev.blockmine.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RoundScheduleTest {

    @Test
    void roundsThatStartLateAreStillDueWhenTheScheduleSaid() throws Exception {
        long first = System.nanoTime() - Duration.ofSeconds(10).toNanos(); // all of them late: no wait
        RoundSchedule schedule = RoundSchedule.paced(Duration.ofMillis(10), first);
        assertThat(schedule.awaitNext()).isEqualTo(first);
        assertThat(schedule.awaitNext()).isEqualTo(first + 10_000_000);
        assertThat(schedule.awaitNext()).isEqualTo(first + 20_000_000);
    }

    @Test
    void aPacedRoundWaitsForItsTime() throws Exception {
        long due = System.nanoTime() + Duration.ofMillis(50).toNanos();
        assertThat(RoundSchedule.paced(Duration.ofMillis(10), due).awaitNext()).isEqualTo(due);
        assertThat(System.nanoTime()).isGreaterThanOrEqualTo(due);
    }

    @Test
    void aClosedLoopRoundIsDueAtOnce() throws Exception {
        long before = System.nanoTime();
        long due = RoundSchedule.closedLoop().awaitNext();
        assertThat(due).isBetween(before, System.nanoTime());
    }
}
