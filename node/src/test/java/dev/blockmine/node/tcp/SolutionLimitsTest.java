package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.mining.Verdict;

/** The per-connection limits on S frames, alone: the budget's burst, and the tally's line (ckpool's rule). */
class SolutionLimitsTest {

    @Test
    void theBudgetGivesItsBurstAtOnceAndNoMore() {
        SolutionBudget budget = new SolutionBudget(1, 5); // one a second: no token comes back within this test's calls
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryTake()).as("token %d of the burst", i + 1).isTrue();
        }
        assertThat(budget.tryTake()).isFalse();
    }

    @Test
    void noBudgetMeansNoLimit() {
        SolutionBudget unlimited = new SolutionBudget(0, 1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(unlimited.tryTake()).isTrue();
        }
    }

    @Test
    void aConnectionIsCutOffOnlyPastBothTheCountAndTheShareOfRejectedNonces() {
        RejectTally tally = new RejectTally(new NodeProperties.Tcp.Solutions(100, 100, 3, 50, Duration.ofSeconds(60), 0));
        assertThat(tally.record(new Verdict.Stale(1))).isFalse();
        assertThat(tally.record(new Verdict.Stale(1))).isFalse();
        assertThat(tally.record(new Verdict.Invalid(1))).isFalse();
        assertThat(tally.record(new Verdict.Invalid(1))).isFalse();
        assertThat(tally.record(new Verdict.Invalid(1))).as("3 of 5 rejected: the count is reached, 60 % > 50 %").isTrue();

        RejectTally honestMostly = new RejectTally(new NodeProperties.Tcp.Solutions(100, 100, 3, 50, Duration.ofSeconds(60), 0));
        for (int i = 0; i < 4; i++) {
            honestMostly.record(new Verdict.Stale(1));
        }
        for (int i = 0; i < 4; i++) {
            assertThat(honestMostly.record(new Verdict.Invalid(1))).as("at most half rejected").isFalse();
        }
    }

    @Test
    void aPenaltyOfZeroNeverCutsOff() {
        RejectTally tally = new RejectTally(NodeProperties.Tcp.Solutions.unlimited());
        for (int i = 0; i < 1_000; i++) {
            assertThat(tally.record(new Verdict.Invalid(1))).isFalse();
        }
    }
}
