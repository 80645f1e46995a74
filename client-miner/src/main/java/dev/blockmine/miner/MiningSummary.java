package dev.blockmine.miner;

import java.time.Duration;

/** What a mining run achieved. */
public record MiningSummary(long blocksWon, long coins, long proofsTried, Duration runtime) {

    public double proofsPerSecond() {
        double seconds = runtime.toNanos() / 1e9;
        return seconds > 0 ? proofsTried / seconds : 0;
    }

    @Override
    public String toString() {
        return "Mined for %s: %d block%s won, %d coin%s, %s proofs tried, %s on average".formatted(
                Format.duration(runtime), blocksWon, blocksWon == 1 ? "" : "s", coins, coins == 1 ? "" : "s",
                Format.count(proofsTried), Format.rate(proofsPerSecond()));
    }
}
