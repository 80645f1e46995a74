package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * How a mining loop learns that the block it searches on was forged by someone else, so that it drops the search:
 * pushed by the node ({@link PushWatch}, its {@code GET /events} stream) or polled ({@link PollingWatch},
 * {@code GET /last_block} at an interval). A loop chooses one with {@link #start} and keeps it for its run.
 */
interface StaleBlockWatch extends AutoCloseable {

    /**
     * A push watch when {@code push} (which polls while the node has no stream or the stream is down), a polling one
     * otherwise; either says how it watches, and again whenever that changes.
     */
    static StaleBlockWatch start(NodeClient node, boolean push, Duration pollInterval, PrintStream out) {
        String polling = "polling every " + Format.interval(pollInterval);
        if (push) {
            return new PushWatch(node, pollInterval, polling, out).start();
        }
        out.println("Watching for new blocks: " + polling);
        return new PollingWatch(node, pollInterval);
    }

    /** Watches {@code block} until the answer is closed: when its search ends. */
    Watching watch(SearchedBlock block);

    /** The newest tip heard without asking the node (pushed while the loop asked for the last block), if any. */
    Optional<Tip> latest();

    @Override
    void close();

    /** The watch on one block; closed when its search ends. */
    interface Watching extends AutoCloseable {

        @Override
        void close();
    }
}
