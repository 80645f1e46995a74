package dev.blockmine.node.sse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.api.ApiException;

/**
 * The open streams of one kind (dashboard pages, tip subscribers): the one rule for pushing events without anyone
 * waiting for a reader. Each stream has its own writer and a bounded queue; a broadcast only queues, so it never
 * blocks, and a stream whose queue is full is dropped (an {@code EventSource} reconnects if it was merely slow).
 * At most {@code maxStreams} are open at once; past that a subscriber is refused with a JSON {@code message}.
 */
public final class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final String what;
    private final int maxStreams;
    private final int queued;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    /**
     * @param what the subscribers, as the log names them ("dashboard page")
     * @param maxStreams streams open at most
     * @param queued events waiting for one stream at most, before it counts as stalled and is dropped
     */
    public EventStreams(String what, int maxStreams, int queued) {
        this.what = what;
        this.maxStreams = maxStreams;
        this.queued = queued;
    }

    /**
     * Opens a stream whose first events are {@code first}.
     *
     * @throws ApiException 503 when {@code maxStreams} are open already
     */
    public synchronized SseEmitter subscribe(List<ServerEvent> first) {
        if (open.size() >= maxStreams) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Too many " + what + "s: " + maxStreams
                    + " are open, the most this node serves at once; try again later");
        }
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the subscriber keeps it open as long as it likes
        EventStream stream = new EventStream(emitter, queued, open::remove);
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> open.remove(stream));
        emitter.onError(e -> open.remove(stream));
        first.forEach(stream::offer);
        open.add(stream);
        stream.start();
        return emitter;
    }

    /** Queues the event for every stream, and drops those that are not keeping up. Never blocks. */
    public void broadcast(ServerEvent event) {
        for (EventStream stream : open) {
            if (!stream.offer(event) && open.remove(stream)) {
                log.info("Dropping a {} that stopped reading ({} events behind)", what, queued);
                stream.close();
            }
        }
    }

    /** Streams open now. */
    public int count() {
        return open.size();
    }

    /** Ends every stream, so that a graceful shutdown does not wait on subscribers that never finish their request. */
    public void closeAll() {
        open.forEach(EventStream::close);
        open.clear();
    }
}
