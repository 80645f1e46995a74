package dev.blockmine.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.blockmine.loadtest.Percentiles;

class LoadTableTest {

    @Test
    void ratioComparesTheSameLoadOnBothServers() {
        LoadResult flask = new LoadResult("flask (course)", 50, "closed loop", Duration.ofSeconds(10), 10_000, 5_000, 0, 10, 40, Map.of(), 0);
        LoadResult java = new LoadResult("java node", 50, "closed loop", Duration.ofSeconds(10), 150_000, 75_000, 0, 1, 4, Map.of(), 0);
        LoadResult javaOnly = new LoadResult("java node", 1000, "closed loop", Duration.ofSeconds(10), 100, 50, 2, 1, 4, Map.of(), 0);
        String table = new LoadTable(List.of(flask, java, javaOnly)).render();
        assertThat(table).contains("| java node | 50 | closed loop | 15000 | 7500 | 1.00 | 4.00 | 0 | 15.0× |")
                .contains("| flask (course) | 50 | closed loop | 1000 | 500 | 10.00 | 40.00 | 0 |  |")
                .contains("| java node | 1000 | closed loop | 10 | 5 | 1.00 | 4.00 | 2 |  |");
    }

    @Test
    void percentilesComeFromTheMergedLatencies() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 1; i <= 50; i++) {
            a.add(i * 1_000_000L);
            b.add((50 + i) * 1_000_000L);
        }
        Percentiles all = Latencies.merge(List.of(b, a));
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.millisAt(50)).isEqualTo(50.0);
        assertThat(all.millisAt(99)).isEqualTo(99.0);
        assertThat(all.millisAt(100)).isEqualTo(100.0);
        assertThat(Latencies.merge(List.of()).millisAt(50)).isNaN();
    }
}
