package dev.blockmine.node.limits;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Slots of one door (TCP connections, {@code GET /events}, dashboard pages): at most {@code total} held at once, and
 * at most {@code perAddress} by one client address, so one stranger cannot take every slot while a class behind one
 * NAT still fits (the per-address share is generous).
 */
public final class AddressSlots {

    /** What asking for a slot gave: a {@link Slot} to release when done, or why not. */
    public sealed interface Claim permits Slot, Refused {
    }

    /** A slot held; {@link #close} gives it back (once, however often it is called). */
    public final class Slot implements Claim, AutoCloseable {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(address);
            }
        }
    }

    /** @param reason what to tell the client (and the log) */
    public record Refused(String reason) implements Claim {
    }

    private final String what;
    private final int total;
    private final int perAddress;
    private final Map<String, Integer> held = new HashMap<>(); // guarded by this
    private int count; // guarded by this

    /**
     * @param what the slots' holders, as messages name them ("TCP connection")
     * @param total slots held at most
     * @param perAddress slots one address holds at most
     */
    public AddressSlots(String what, int total, int perAddress) {
        this.what = what;
        this.total = total;
        this.perAddress = perAddress;
    }

    /** A slot for a client at {@code address} (an IP address as text), or why it gets none. */
    public synchronized Claim claim(String address) {
        if (count >= total) {
            return new Refused("Too many " + what + "s: " + total + " are open, the most this node serves at once;"
                    + " try again later");
        }
        int mine = held.getOrDefault(address, 0);
        if (mine >= perAddress) {
            return new Refused("Too many " + what + "s from " + address + ": " + perAddress
                    + " are open, the most one address may hold; close one or try again later");
        }
        held.put(address, mine + 1);
        count++;
        return new Slot(address);
    }

    /** Slots held now. */
    public synchronized int count() {
        return count;
    }

    private synchronized void release(String address) {
        held.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        count--;
    }
}
