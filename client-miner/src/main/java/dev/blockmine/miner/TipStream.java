package dev.blockmine.miner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The node's {@code GET /events} stream, kept open for a {@link PushWatch}: every tip it hears goes to {@code onTip}.
 * A stream that drops is reconnected with the miner's back-off ({@link Retries}: 1 s doubling to 30 s); a node without
 * a stream (404, not {@code text/event-stream}, as the course's Flask server) is left alone. While it is not
 * {@link #live()}, the watch polls; what mode it runs in is printed whenever it changes. Nothing the node sends can
 * throw out of here.
 */
final class TipStream implements AutoCloseable {

    /** Without a heartbeat (the node sends one every 5 s) for this long, the stream counts as dropped. */
    static final Duration SILENCE = Duration.ofSeconds(20);

    private final OkHttpClient http;
    private final Request request;
    private final PrintStream out;
    private final String pollingMode;
    private final Consumer<Tip> onTip;
    private final Stopper closed = new Stopper();
    private final Retries reconnections;
    private final AtomicReference<Tip> latest = new AtomicReference<>();
    private final AtomicReference<EventSource> source = new AtomicReference<>();
    private volatile boolean live;
    private Thread keeper;

    /** @param pollingMode how the loop watches without the stream, as printed ("polling every 1 s") */
    TipStream(NodeClient node, PrintStream out, String pollingMode, Consumer<Tip> onTip) {
        this.http = node.http().newBuilder().callTimeout(Duration.ofSeconds(10)).readTimeout(SILENCE)
                .retryOnConnectionFailure(false).build();
        this.request = new Request.Builder().url(node.endpoint("events")).header("Accept", "text/event-stream").build();
        this.out = out;
        this.pollingMode = pollingMode;
        this.onTip = onTip;
        this.reconnections = new Retries(out, closed);
    }

    /** Connects in the background; {@link #live()} says when tips are being pushed. */
    TipStream start() {
        keeper = Thread.ofVirtual().name("tip-stream").start(this::keepOpen);
        return this;
    }

    /** Whether tips are being pushed now; when not, the loop must poll. */
    boolean live() {
        return live;
    }

    /** The last tip heard, if any. */
    Optional<Tip> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public void close() {
        closed.stop();
        EventSource open = source.get();
        if (open != null) {
            open.cancel();
        }
        if (keeper != null) {
            keeper.interrupt();
        }
    }

    private void keepOpen() {
        boolean said = false; // whether the mode has been printed since the last change
        try {
            while (!closed.isStopped()) {
                Connection connection = new Connection();
                EventSource opened = EventSources.createFactory(http).newEventSource(request, connection);
                source.set(opened);
                if (closed.isStopped()) {
                    opened.cancel(); // close() ran before this source was set: it cancelled the one before
                    return;
                }
                connection.ended.await();
                live = false;
                if (closed.isStopped()) {
                    return;
                }
                if (connection.noStream != null) {
                    out.printf("Watching for new blocks: %s (the node has no event stream: %s)%n", pollingMode,
                            connection.noStream);
                    return;
                }
                if (connection.opened) {
                    reconnections.succeeded();
                    said = false;
                }
                if (!said) {
                    out.printf("Watching for new blocks: %s (event stream %s; reconnecting)%n", pollingMode, connection.why);
                    said = true;
                }
                reconnections.pause(); // an interrupt, from close(), stops it
            }
        } catch (InterruptedException e) {
            // closed
        } finally {
            live = false;
            EventSource last = source.get();
            if (last != null) {
                last.cancel(); // never leave a connection (and OkHttp's thread) open behind a closed stream
            }
        }
    }

    /** One connection's listener: OkHttp calls it on its own thread. */
    private final class Connection extends EventSourceListener {

        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean opened;
        volatile String noStream;
        volatile String why = "unavailable";

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened = true;
            live = true;
            out.println("Watching for new blocks: push (server-sent events)");
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (!"tip".equals(type)) {
                return;
            }
            Tip.ofEvent(data).ifPresent(tip -> {
                latest.set(tip);
                try {
                    onTip.accept(tip);
                } catch (RuntimeException e) {
                    out.printf("Could not act on a new block: %s%n", e);
                }
            });
        }

        @Override
        public void onClosed(EventSource eventSource) {
            why = "closed by the node";
            ended.countDown();
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            int code = response == null ? 0 : response.code();
            if (opened) {
                // a stream that worked and broke (a reset, a read timeout, a node killed mid-stream): OkHttp hands
                // back the stream's own 200 here, which is no sign that the node has no stream
                why = "dropped (" + (t == null || t.getMessage() == null ? "failed" : t.getMessage()) + ")";
            } else if (code == 404 || code == 405 || code == 406 || response != null && response.isSuccessful()) {
                noStream = "GET /events answered " + code + (t == null ? "" : ", " + t.getMessage());
            } else if (response != null) {
                why = "answered " + code;
            } else {
                why = t == null ? "failed" : "dropped (" + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()) + ")";
            }
            ended.countDown();
        }
    }
}
