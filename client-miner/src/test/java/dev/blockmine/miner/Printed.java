package dev.blockmine.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a miner prints, captured: the stream to give it, the text so far, and a bounded wait for a line. */
final class Printed {

    /** Two blocks of a chain as a node serves them, for nodes mocked in these tests: A, then B after it. */
    static final String BLOCK_A = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.5, \"transactions\": []}";
    static final String BLOCK_B = "{\"index\": 2, \"previous_hash\": \"ab\", \"proof\": 7, \"timestamp\": 1700000001.5, \"transactions\": []}";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits (30 s at most) until {@code line} has been printed; the failure shows everything printed. */
    void awaitLine(String line) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text()).contains(line));
    }
}
