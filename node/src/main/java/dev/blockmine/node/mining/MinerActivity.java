package dev.blockmine.node.mining;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP has no connections to count, so a miner is "connected" while it polls or posts: distinct client
 * addresses seen within the last minute.
 */
public final class MinerActivity {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public MinerActivity(Clock clock) {
        this.clock = clock;
    }

    public void seen(String address) {
        lastSeen.put(address, clock.millis());
    }

    public int active() {
        long cutoff = clock.millis() - WINDOW.toMillis();
        lastSeen.values().removeIf(seen -> seen < cutoff);
        return lastSeen.size();
    }
}
