package dev.blockmine.loadtest.http;

import java.time.Duration;
import java.util.Map;

/**
 * What one load run measured.
 *
 * @param p50Millis latency of every request (GET /last_block and POST /mine), median
 * @param lastBlockP99Millis latency of GET /last_block alone (what a polling miner waits for), 99th percentile
 */
record LoadResult(String server, int miners, String pace, Duration duration, long requests, long submissions,
        long errors, double p50Millis, double p99Millis, Map<Integer, Long> mineStatuses, double lastBlockP99Millis) {

    double requestsPerSecond() {
        return requests / seconds();
    }

    double submissionsPerSecond() {
        return submissions / seconds();
    }

    private double seconds() {
        return duration.toNanos() / 1e9;
    }
}
