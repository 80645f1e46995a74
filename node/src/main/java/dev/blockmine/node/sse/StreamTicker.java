package dev.blockmine.node.sse;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@code tick} every {@code period} on a virtual thread while the node runs (a dashboard's figures, a tip
 * stream's heartbeat), and closes the streams when the node stops, so a graceful shutdown does not wait for them.
 */
public final class StreamTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamTicker.class);

    private final String name;
    private final Duration period;
    private final Runnable tick;
    private final EventStreams streams;
    private volatile Thread ticker;

    public StreamTicker(String name, Duration period, Runnable tick, EventStreams streams) {
        this.name = name;
        this.period = period;
        this.tick = tick;
        this.streams = streams;
    }

    @Override
    public void start() {
        ticker = Thread.ofVirtual().name(name).start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(period);
                    try {
                        tick.run();
                    } catch (Throwable e) { // one failed tick (even an OutOfMemoryError) must not end every later one
                        log.error("{} failed; it runs again in {}", name, period, e);
                    }
                }
            } catch (InterruptedException e) {
                // stopping
            }
        });
    }

    @Override
    public void stop() {
        ticker.interrupt();
        streams.closeAll();
    }

    @Override
    public boolean isRunning() {
        return ticker != null && ticker.isAlive();
    }
}
