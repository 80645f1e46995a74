package dev.blockmine.miner;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.pow.search.SearchControl;

/**
 * A mining loop's stop: once {@link #stop()} runs (Ctrl-C, from any thread) the search in hand is cancelled, every
 * later one starts cancelled, and every wait returns at once. A {@link TipStream}'s close is one too: it cuts the
 * stream's wait before a reconnection short.
 */
final class Stopper {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<SearchControl> search = new AtomicReference<>();

    void stop() {
        stopped.countDown();
        SearchControl control = search.get();
        if (control != null) {
            control.cancel();
        }
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** The control for the loop's next search: {@link #stop()} cancels it, at once if it already ran. */
    SearchControl nextSearch() {
        SearchControl control = new SearchControl();
        search.set(control);
        if (isStopped()) { // stop() may have run before the control was set
            control.cancel();
        }
        return control;
    }

    /** Waits {@code delay}, or less once stopped. */
    void await(Duration delay) throws InterruptedException {
        stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
