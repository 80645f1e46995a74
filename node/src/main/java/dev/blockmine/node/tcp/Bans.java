package dev.blockmine.node.tcp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses refused for a while after one of their connections was cut off for its S frames: reconnecting does not
 * start the tally again. A refused connection gets Q at once. Expired entries go whenever another address is banned,
 * so the map holds only the addresses banned within the last {@code duration}.
 */
final class Bans {

    private final Duration duration;
    private final Map<InetAddress, Long> until = new ConcurrentHashMap<>();

    /** @param duration how long an address is refused; zero bans nobody (the connection is still cut off) */
    Bans(Duration duration) {
        this.duration = duration;
    }

    void ban(InetAddress address) {
        if (duration.isZero() || address == null) {
            return;
        }
        long now = System.nanoTime();
        until.values().removeIf(end -> end - now <= 0);
        until.put(address, now + duration.toNanos());
    }

    boolean refuses(InetAddress address) {
        Long end = until.get(address);
        return end != null && end - System.nanoTime() > 0;
    }

    Duration duration() {
        return duration;
    }
}
