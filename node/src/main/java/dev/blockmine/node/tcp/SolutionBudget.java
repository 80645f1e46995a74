package dev.blockmine.node.tcp;

import java.time.Duration;

/**
 * One connection's budget of S frames: a token bucket of {@code burst} tokens refilled at {@code perSecond}. An S
 * beyond it is not read until a token is back: the reader sleeps (a parked virtual thread frees its carrier), the
 * miner's socket buffers fill, and TCP's flow control slows the sender. An honest miner sends one S per nonce it
 * finds, seconds apart, and never meets the limit. Used by the connection's reader thread only.
 */
final class SolutionBudget {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private double tokens;
    private long refilled = System.nanoTime();

    /** @param perSecond tokens per second; 0 for no limit */
    SolutionBudget(int perSecond, int burst) {
        this.perNano = perSecond / (double) NANOS_PER_SECOND;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
    }

    /** Takes a token if there is one. */
    boolean tryTake() {
        if (perNano == 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilled) * perNano);
        refilled = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    /** Sleeps until the next token is in, and takes it. */
    void take() throws InterruptedException {
        while (!tryTake()) {
            Thread.sleep(Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - tokens) / perNano))));
        }
    }
}
