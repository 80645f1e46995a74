package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    void delaysDoubleUpToThirtySecondsAndStartOverAfterASuccess() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Stopper stopper = new Stopper();
        Retries retries = new Retries(new PrintStream(printed, true, StandardCharsets.UTF_8), stopper);
        stopper.stop(); // every wait now returns at once; the delays are still counted and said
        for (int i = 0; i < 7; i++) {
            retries.pause("down");
        }
        retries.succeeded();
        retries.pause("down again");

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "down; retrying in 1 s", "down; retrying in 2 s", "down; retrying in 4 s", "down; retrying in 8 s",
                "down; retrying in 16 s", "down; retrying in 30 s", "down; retrying in 30 s",
                "down again; retrying in 1 s");
        assertThat(stopper.isStopped()).isTrue();
    }

    /** The stream's reconnections say their mode themselves: their waits are silent, on the same schedule. */
    @Test
    void aSilentPauseWaitsOnTheSameSchedule() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Stopper stopper = new Stopper();
        Retries retries = new Retries(new PrintStream(printed, true, StandardCharsets.UTF_8), stopper);
        stopper.stop();
        retries.pause();
        retries.pause();
        retries.pause("down");
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("down; retrying in 4 s");
    }

    @Test
    void anInterruptDuringAWaitStopsTheLoop() {
        Stopper stopper = new Stopper();
        Retries retries = new Retries(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stopper);
        Thread.currentThread().interrupt();
        retries.pause("down");
        assertThat(stopper.isStopped()).isTrue();
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }
}
