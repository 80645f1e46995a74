package dev.blockmine.miner;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Asks the node for its last block at an interval while a search runs (a thread per search), and calls the block
 * stale when the node has another. A node that does not answer leaves the search running: the post of its proof will
 * tell whether the node is back.
 */
final class PollingWatch implements StaleBlockWatch {

    private final NodeClient node;
    private final Duration interval;
    private final BooleanSupplier needed;

    PollingWatch(NodeClient node, Duration interval) {
        this(node, interval, () -> true);
    }

    /** @param needed asked at each interval: whether to poll now (a push watch polls only while its stream is down) */
    PollingWatch(NodeClient node, Duration interval, BooleanSupplier needed) {
        this.node = node;
        this.interval = interval;
        this.needed = needed;
    }

    @Override
    public Watching watch(SearchedBlock block) {
        AtomicBoolean over = new AtomicBoolean();
        Thread poller = Thread.ofVirtual().name("stale-poll").start(() -> poll(block, over));
        return () -> {
            over.set(true); // an interrupt may be swallowed by a request in progress
            poller.interrupt();
        };
    }

    private void poll(SearchedBlock block, AtomicBoolean over) {
        try {
            while (block.searching() && !over.get()) {
                Thread.sleep(interval);
                if (!block.searching() || over.get() || !needed.getAsBoolean()) {
                    continue;
                }
                try {
                    block.polled(node.lastBlock());
                } catch (NodeException e) {
                    // keep searching
                }
            }
        } catch (InterruptedException e) {
            // the search is over
        }
    }

    @Override
    public Optional<Tip> latest() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // each block's poller ends with its watch
    }
}
