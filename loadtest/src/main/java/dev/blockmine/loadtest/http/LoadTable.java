package dev.blockmine.loadtest.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark's table: one row per run, with the ratio of our node to Flask for the same load. */
final class LoadTable {

    private final List<LoadResult> results;

    LoadTable(List<LoadResult> results) {
        this.results = results;
    }

    String render() {
        StringBuilder table = new StringBuilder();
        table.append("| server | miners | pace | requests/s | /mine submissions/s | p50 ms | p99 ms | errors | /mine ratio to Flask |\n");
        table.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (LoadResult r : results) {
            String ratio = flaskTwin(r).filter(f -> f != r && f.submissionsPerSecond() > 0)
                    .map(f -> String.format(Locale.ROOT, "%.1f×", r.submissionsPerSecond() / f.submissionsPerSecond()))
                    .orElse("");
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f | %.2f | %.2f | %d | %s |%n", r.server(),
                    r.miners(), r.pace(), r.requestsPerSecond(), r.submissionsPerSecond(), r.p50Millis(), r.p99Millis(),
                    r.errors(), ratio));
        }
        return table.toString();
    }

    private Optional<LoadResult> flaskTwin(LoadResult r) {
        return results.stream().filter(f -> f.server().startsWith("flask") && f.miners() == r.miners()
                && f.pace().equals(r.pace())).findFirst();
    }
}
