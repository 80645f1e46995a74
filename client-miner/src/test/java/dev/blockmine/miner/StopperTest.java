package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.search.SearchControl;

/** The pieces both mining loops share: the stop and the tally of coins. */
class StopperTest {

    @Test
    void stopCancelsTheSearchInHandAndEveryLaterOne() {
        Stopper stopper = new Stopper();
        SearchControl first = stopper.nextSearch();
        assertThat(first.isCancelled()).isFalse();
        stopper.stop();
        assertThat(first.isCancelled()).isTrue();
        assertThat(stopper.nextSearch().isCancelled()).isTrue();
        assertThat(stopper.isStopped()).isTrue();
    }

    @Test
    void theTallySaysEveryOutcomeAndSumsTheRun() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CoinTally tally = new CoinTally(new PrintStream(printed, true, StandardCharsets.UTF_8), 2);
        tally.tried(1_500_000);
        tally.won("A for job 3");
        tally.refused("R for job 4 (nonce refused)");
        assertThat(tally.goalReached()).as("1 of 2").isFalse();
        tally.tried(500_000);
        tally.won("200 \"New Block Forged\"");
        assertThat(tally.goalReached()).as("2 of 2").isTrue();
        CoinTally untilStopped = new CoinTally(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 0);
        untilStopped.won("A for job 1");
        assertThat(untilStopped.goalReached()).as("0: mine until stopped").isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Success: the node answered A for job 3; +1 coin", "Coins: 1",
                "Failure: the node answered R for job 4 (nonce refused)",
                "Success: the node answered 200 \"New Block Forged\"; +1 coin", "Coins: 2");
        assertThat(tally.summary(Duration.ofSeconds(2))).isEqualTo(new MiningSummary(2, 2, 2_000_000, Duration.ofSeconds(2)));
        assertThat(Format.rate(2_000_000, Duration.ofSeconds(2))).isEqualTo("1.00 M proofs/s");
    }
}
