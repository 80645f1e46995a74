package dev.blockmine.node.sse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.api.ApiException;
import dev.blockmine.node.limits.AddressSlots;
import dev.blockmine.node.limits.ThrottledLog;

/**
 * The open streams of one kind (dashboard pages, tip subscribers): the one rule for pushing events without anyone
 * waiting for a reader. Each stream has its own writer and a queue bounded in events and bytes; a broadcast only
 * queues the one encoded copy of an event, so it never blocks, and a stream whose queue is full is dropped (an
 * {@code EventSource} reconnects if it was merely slow). At most {@code maxSubscribers} are open at once, and
 * {@code maxSubscribersPerAddress} from one client address; past that a subscriber is refused with a JSON
 * {@code message}.
 */
public final class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final String what;
    private final EventStreamProperties limits;
    private final AddressSlots slots;
    private final Map<EventStream, AddressSlots.Slot> open = new ConcurrentHashMap<>();
    private final ThrottledLog drops = new ThrottledLog(Duration.ofSeconds(10));

    /** @param what the subscribers, as messages name them ("dashboard page") */
    public EventStreams(String what, EventStreamProperties limits) {
        this.what = what;
        this.limits = limits;
        this.slots = new AddressSlots(what, limits.maxSubscribers(), limits.maxSubscribersPerAddress());
    }

    /**
     * Opens a stream for a client at {@code address} whose first events are {@code first}.
     *
     * @throws ApiException 503 when {@code maxSubscribers} are open already, or as many as one address may hold
     */
    public SseEmitter subscribe(String address, List<ServerEvent> first) {
        AddressSlots.Slot slot = switch (slots.claim(address)) {
            case AddressSlots.Slot granted -> granted;
            case AddressSlots.Refused refused -> throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, refused.reason());
        };
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the subscriber keeps it open as long as it likes
        EventStream stream = new EventStream(emitter, limits.queued(), limits.queuedBytes().toBytes(), this::ended);
        emitter.onCompletion(() -> ended(stream));
        emitter.onTimeout(() -> ended(stream));
        emitter.onError(e -> ended(stream));
        first.forEach(stream::offer);
        open.put(stream, slot);
        stream.start();
        return emitter;
    }

    /** Queues the event for every stream, and drops those that are not keeping up. Never blocks. */
    public void broadcast(ServerEvent event) {
        for (EventStream stream : open.keySet()) {
            if (!stream.offer(event) && ended(stream)) {
                int dropped = drops.occurred();
                if (dropped > 0) {
                    log.info("Dropped {} {}(s) that stopped reading since the last report ({} events or {} bytes behind)",
                            dropped, what, limits.queued(), limits.queuedBytes().toBytes());
                }
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
        open.keySet().forEach(stream -> {
            ended(stream);
            stream.close();
        });
    }

    /** Forgets the stream and gives its slot back; true the first time. */
    private boolean ended(EventStream stream) {
        AddressSlots.Slot slot = open.remove(stream);
        if (slot == null) {
            return false;
        }
        slot.close();
        return true;
    }
}
