package dev.blockmine.node.events;

import java.util.List;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.sse.EventStreams;
import dev.blockmine.node.sse.ServerEvent;

/**
 * {@code GET /events}: every new tip (a block appended here or from a peer, or a longer chain adopted) as one
 * server-sent event, so HTTP miners drop a dead block at once instead of polling. It hears the chain in the
 * background ({@link ChainListeners.Turn#BACKGROUND}), never on the appending thread, and {@link EventStreams}
 * writes each subscriber from its own thread: a subscriber that stops reading delays no miner and is dropped.
 */
public final class TipEvents {

    /** The event type; its id is the block's index. */
    public static final String TIP = "tip";

    private final EventStreams subscribers;
    private ServerEvent latest; // the last tip announced, sent first to a new subscriber; guarded by this

    TipEvents(Chain chain, EventStreams subscribers) {
        this.subscribers = subscribers;
        this.latest = event(chain.tip());
        chain.listen(ChainListeners.Turn.BACKGROUND, change -> announce(change.tip()));
    }

    /**
     * A new subscriber's stream, starting with the current tip. Under the same lock as {@link #announce}, so that
     * the tips it gets are in chain order, none missed (it may hear the current one twice: the index says so).
     */
    synchronized SseEmitter subscribe(String address) {
        return subscribers.subscribe(address, List.of(latest));
    }

    private synchronized void announce(SealedBlock tip) {
        latest = event(tip);
        subscribers.broadcast(latest);
    }

    /** A comment to every subscriber: proxies see traffic, and a reader that left fills its queue and is dropped. */
    void heartbeat() {
        subscribers.broadcast(ServerEvent.comment("keep-alive"));
    }

    int subscribers() {
        return subscribers.count();
    }

    EventStreams streams() {
        return subscribers;
    }

    /** {@code {"block": <the block string>, "hash": <sha256 hex of it>, "index": n}}, keys sorted as everywhere. */
    static ServerEvent event(SealedBlock tip) {
        String json = "{\"block\": " + tip.blockString() + ", \"hash\": \"" + tip.hash() + "\", \"index\": " + tip.index() + "}";
        return ServerEvent.json(TIP, Long.toString(tip.index()), json);
    }
}
