package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A mining run's score, the same on both protocols: blocks won (a coin each) against the goal, work tried, and the lines
 * that say so.
 */
final class CoinTally {

    private final PrintStream out;
    private final long goal;
    private long won;
    private long tried;

    /** @param goal blocks to win before the run ends; 0 mines until stopped */
    CoinTally(PrintStream out, long goal) {
        this.out = out;
        this.goal = goal;
    }

    void tried(long count) {
        tried += count;
    }

    /** The node accepted our block: {@code answer} is what it said. */
    void won(String answer) {
        won++;
        out.printf("Success: the node answered %s; +1 coin%n", answer);
        printCoins();
    }

    /** The node refused what we sent: {@code answer} is what it said. */
    void refused(String answer) {
        out.printf("Failure: the node answered %s%n", answer);
    }

    void printCoins() {
        out.printf("Coins: %d%n", won);
    }

    /** Whether the goal is won; a goal of 0 is never reached (mine until stopped). */
    boolean goalReached() {
        return goal > 0 && won >= goal;
    }

    MiningSummary summary(Duration runtime) {
        return new MiningSummary(won, won, tried, runtime);
    }
}
