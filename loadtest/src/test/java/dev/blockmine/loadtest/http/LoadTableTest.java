package dev.blockmine.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
