package dev.blockmine.pow.search;

import java.util.concurrent.atomic.LongAdder;

/** Shared between a search and its caller: a cancel flag and a running count of proofs tried (for hashrates). */
public final class SearchControl {

    private volatile boolean cancelled;
    private final LongAdder tried = new LongAdder();

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Engines report progress in batches, so this may lag the truth by one batch per thread. */
    public void addTried(long proofs) {
        tried.add(proofs);
    }

    public long tried() {
        return tried.sum();
    }
}
