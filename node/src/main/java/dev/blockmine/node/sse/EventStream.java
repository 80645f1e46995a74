package dev.blockmine.node.sse;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One subscriber's event stream, written by a virtual thread of its own from a short queue. A subscriber that stops
 * reading blocks only its own writer (until the server's write timeout); its queue fills, and then it is dropped
 * instead of anyone waiting for it.
 */
final class EventStream {

    private final SseEmitter emitter;
    private final BlockingQueue<ServerEvent> queue;
    private final Thread writer;
    private volatile boolean closed;

    /** @param onEnd told when the stream has ended (the subscriber went away, or was closed) */
    EventStream(SseEmitter emitter, int queued, Consumer<EventStream> onEnd) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(queued);
        this.writer = Thread.ofVirtual().name("event-stream").unstarted(() -> {
            write();
            onEnd.accept(this);
        });
    }

    void start() {
        writer.start();
    }

    /** @return false when the subscriber is not keeping up (its queue is full) or has ended: drop it */
    boolean offer(ServerEvent event) {
        return !closed && queue.offer(event);
    }

    /**
     * Ends the stream. Its writer may be stuck in a write to a subscriber that stopped reading; completing waits
     * for that write, so it happens on a thread of its own and nobody else waits.
     */
    void close() {
        closed = true;
        writer.interrupt();
        Thread.ofVirtual().name("event-stream-close").start(emitter::complete);
    }

    private void write() {
        try {
            while (!closed) {
                emitter.send(queue.take().toBuilder());
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | IllegalStateException e) {
            closed = true; // the subscriber went away, or a stalled write timed out
            emitter.completeWithError(e);
        }
    }
}
