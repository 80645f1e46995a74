package dev.blockmine.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverTheSortedSamples() {
        Percentiles p = Percentiles.of(new long[] {40, 10, 30, 20});
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.at(0)).isEqualTo(10);
        assertThat(p.at(25)).isEqualTo(10);
        assertThat(p.at(26)).isEqualTo(20);
        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(99)).isEqualTo(40);
        assertThat(p.at(100)).isEqualTo(40);
        assertThat(Percentiles.of(new long[] {2_500_000}).millisAt(50)).isEqualTo(2.5);
    }

    @Test
    void withoutSamplesThereIsNoPercentile() {
        Percentiles none = Percentiles.of(new long[0]);
        assertThat(none.at(50)).isEqualTo(-1);
        assertThat(none.millisAt(50)).isNaN();
    }
}
