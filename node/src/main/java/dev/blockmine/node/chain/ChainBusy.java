package dev.blockmine.node.chain;

import java.time.Duration;

/**
 * A change of the chain that could not start: the change before it was still being stored after the bounded wait
 * (a stalled disk or database). Nothing was changed; the caller may try again.
 */
public final class ChainBusy extends RuntimeException {

    public ChainBusy(String change, Duration waited) {
        super("could not " + change + ": the chain's store was still busy with the change before after "
                + waited.toMillis() + " ms", null, false, false); // an expected refusal: no stack trace to fill in
    }
}
