package dev.blockmine.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverTheRecordedValues() {
        Percentiles p = Percentiles.of(40, 10, 30, 20);
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.at(0)).isEqualTo(10);
        assertThat(p.at(25)).isEqualTo(10);
        assertThat(p.at(26)).isEqualTo(20);
        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(99)).isEqualTo(40);
        assertThat(p.at(100)).isEqualTo(40);
    }

    @Test
    void aLargeValueIsKeptToThreeSignificantDigitsAndNeverBelow() {
        long value = 1_234_567_891L; // 1.23 s in nanoseconds
        Percentiles p = Percentiles.of(value);
        assertThat(p.at(100)).isBetween(value, value + value / 1000);
        assertThat(Percentiles.of(2_500_000).millisAt(50)).isCloseTo(2.5, within(0.0025));
    }

    @Test
    void recordersFromManyThreadsAddUp() throws Exception {
        Recorder recorder = Percentiles.recorder();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t * 25;
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 1; i <= 25; i++) {
                    recorder.recordValue((offset + i) * 1_000_000L);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram all = recorder.getIntervalHistogram();
        Percentiles p = Percentiles.of(all);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.millisAt(50)).isCloseTo(50.0, within(0.05));
        assertThat(p.millisAt(99)).isCloseTo(99.0, within(0.1));
        assertThat(Percentiles.of(recorder.getIntervalHistogram()).count()).as("the interval was taken").isZero();
    }

    @Test
    void withoutSamplesThereIsNoPercentile() {
        Percentiles none = Percentiles.of(new long[0]);
        assertThat(none.at(50)).isEqualTo(-1);
        assertThat(none.millisAt(50)).isNaN();
    }
}
