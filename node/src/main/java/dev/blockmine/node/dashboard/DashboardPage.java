package dev.blockmine.node.dashboard;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open dashboard: its event stream, written by a virtual thread of its own from a short queue of snapshots.
 * A page that stops reading blocks only its own writer (until the server's write timeout); its queue fills, and
 * then it is dropped instead of anyone waiting for it.
 */
final class DashboardPage {

    /** Snapshots waiting for a page; one arrives per block and every two seconds, so a reading page never has many. */
    static final int QUEUED = 8;

    private final SseEmitter emitter;
    private final BlockingQueue<String> snapshots = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    private volatile boolean closed;

    /** @param onEnd told when the stream has ended (the page went away, or was closed) */
    DashboardPage(SseEmitter emitter, Consumer<DashboardPage> onEnd) {
        this.emitter = emitter;
        this.writer = Thread.ofVirtual().name("dashboard-page").unstarted(() -> {
            write();
            onEnd.accept(this);
        });
    }

    void start() {
        writer.start();
    }

    /** @return false when the page is not keeping up (its queue is full) or has ended: drop it */
    boolean offer(String json) {
        return !closed && snapshots.offer(json);
    }

    /**
     * Ends the page's stream. Its writer may be stuck in a write to a page that stopped reading; completing waits
     * for that write, so it happens on a thread of its own and nobody else waits.
     */
    void close() {
        closed = true;
        writer.interrupt();
        Thread.ofVirtual().name("dashboard-page-close").start(emitter::complete);
    }

    private void write() {
        try {
            while (!closed) {
                String json = snapshots.take();
                emitter.send(SseEmitter.event().name("snapshot").data(json, MediaType.APPLICATION_JSON));
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | IllegalStateException e) {
            closed = true; // the page went away, or a stalled write timed out
            emitter.completeWithError(e);
        }
    }
}
