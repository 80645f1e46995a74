package dev.blockmine.node.sse;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One subscriber's event stream, written by a virtual thread of its own from a short queue. A subscriber that stops
 * reading blocks only its own writer (until the server's write timeout); its queue fills, and then it is dropped
 * instead of anyone waiting for it. The queue is bounded in events and in bytes (the event being written counts until
 * it is written); the bytes are shared with every other stream, never copied.
 */
final class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final SseEmitter emitter;
    private final int maxEvents;
    private final long maxBytes;
    private final BlockingQueue<ServerEvent> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private int events; // queued or being written; guarded by this
    private long bytes; // of those; guarded by this
    private volatile boolean closed;

    /**
     * @param maxEvents events queued or being written at most
     * @param maxBytes their bytes at most; one event larger than that alone is still taken, or nobody would see it
     * @param onEnd told when the stream has ended (the subscriber went away, or was closed)
     */
    EventStream(SseEmitter emitter, int maxEvents, long maxBytes, Consumer<EventStream> onEnd) {
        this.emitter = emitter;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.writer = Thread.ofVirtual().name("event-stream").unstarted(() -> {
            try {
                write();
            } catch (Throwable e) {
                log.error("An event stream's writer failed; closing that stream", e); // never a stream left half-open
                closed = true;
                emitter.completeWithError(e);
            } finally {
                onEnd.accept(this);
            }
        });
    }

    void start() {
        writer.start();
    }

    /** @return false when the subscriber is not keeping up (its queue is full) or has ended: drop it */
    boolean offer(ServerEvent event) {
        synchronized (this) {
            if (closed || events >= maxEvents || (events > 0 && bytes + event.size() > maxBytes)) {
                return false;
            }
            events++;
            bytes += event.size();
        }
        queue.add(event);
        return true;
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
                ServerEvent event = queue.take();
                emitter.send(Set.of(new DataWithMediaType(event.frame(), MediaType.TEXT_EVENT_STREAM)));
                synchronized (this) {
                    events--;
                    bytes -= event.size();
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | IllegalStateException e) {
            closed = true; // the subscriber went away, or a stalled write timed out
            try {
                emitter.completeWithError(e);
            } catch (IllegalStateException alreadyFailed) {
                // the container has ended the request already
            }
        }
    }
}
