package dev.blockmine.node;

import java.time.Duration;

/**
 * How long a client may wait for an answer while the node is attacked or flooded, in every test that says a client
 * is still served. A node that starves its clients makes them wait for the attack to end, or for ever; a 2-core
 * machine at load average 12 answers well within this (within 1 s it did not, now and then). Timing claims belong
 * in the benchmarks.
 */
public final class ServedInTime {

    public static final Duration BOUND = Duration.ofSeconds(5);

    private ServedInTime() {
    }
}
