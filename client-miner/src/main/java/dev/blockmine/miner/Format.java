package dev.blockmine.miner;

import java.time.Duration;
import java.util.Locale;

/** How the miner writes times, counts and hashrates. */
final class Format {

    private Format() {
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** A polling interval as people say it: "1 s", "0.5 s". */
    static String interval(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? "%dh %02dm %02ds".formatted(s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? "%dm %02ds".formatted(s / 60, s % 60) : seconds(d);
    }

    static String count(long n) {
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", n / 1e6) : Long.toString(n);
    }

    /** The rate of {@code count} proofs (or nonces) in {@code took}. */
    static String rate(long count, Duration took) {
        return rate(count / Math.max(took.toNanos() / 1e9, 1e-9));
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.2f M proofs/s", perSecond / 1e6);
    }
}
