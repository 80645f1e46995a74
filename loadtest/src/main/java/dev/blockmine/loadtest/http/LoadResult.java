package dev.blockmine.loadtest.http;

import java.time.Duration;
import java.util.Map;

/** What one load run measured. */
record LoadResult(String server, int miners, String pace, Duration duration, long requests, long submissions,
        long errors, double p50Millis, double p99Millis, Map<Integer, Long> mineStatuses) {

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
