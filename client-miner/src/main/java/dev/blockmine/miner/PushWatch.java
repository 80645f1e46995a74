package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tips pushed by the node's {@code GET /events} stream ({@link TipStream}) drop the search the moment its block is
 * forged elsewhere. While the stream is not live (connecting, dropped, or the node has none) the block is polled as
 * {@link PollingWatch} does.
 */
final class PushWatch implements StaleBlockWatch {

    private final AtomicReference<SearchedBlock> watched = new AtomicReference<>();
    private final TipStream stream;
    private final PollingWatch fallback;

    /** @param polling how it watches without the stream, as printed ("polling every 1 s") */
    PushWatch(NodeClient node, Duration pollInterval, String polling, PrintStream out) {
        this.stream = new TipStream(node, out, polling, this::heard);
        this.fallback = new PollingWatch(node, pollInterval, () -> !stream.live());
    }

    /** Connects the stream in the background; until it is live, blocks are polled. */
    PushWatch start() {
        stream.start();
        return this;
    }

    @Override
    public Watching watch(SearchedBlock block) {
        watched.set(block);
        stream.latest().ifPresent(block::heard); // a tip heard while the loop asked for the last block
        Watching polling = fallback.watch(block);
        return () -> {
            polling.close();
            watched.compareAndSet(block, null);
        };
    }

    @Override
    public Optional<Tip> latest() {
        return stream.latest();
    }

    @Override
    public void close() {
        stream.close();
    }

    /** On the stream's thread. */
    private void heard(Tip tip) {
        SearchedBlock block = watched.get();
        if (block != null) {
            block.heard(tip);
        }
    }
}
