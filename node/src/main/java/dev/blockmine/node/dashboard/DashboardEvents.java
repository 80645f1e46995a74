package dev.blockmine.node.dashboard;

import java.util.List;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.sse.EventStreams;
import dev.blockmine.node.sse.ServerEvent;
import dev.blockmine.pow.CanonicalJson;

/**
 * Open dashboards, each a server-sent event stream; every new block (and a periodic tick) pushes a snapshot. The
 * chain tells us in the background and {@link EventStreams} writes each page from its own thread, so neither a
 * miner's answer nor the other pages ever wait for a page; a page that stops reading is dropped.
 */
final class DashboardEvents {

    private final DashboardSnapshots snapshots;
    private final EventStreams pages;

    DashboardEvents(Chain chain, DashboardSnapshots snapshots, EventStreams pages) {
        this.snapshots = snapshots;
        this.pages = pages;
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> broadcast());
    }

    SseEmitter subscribe(String address) {
        return pages.subscribe(address, List.of(snapshot()));
    }

    void broadcast() {
        if (pages.count() > 0) {
            pages.broadcast(snapshot());
        }
    }

    private ServerEvent snapshot() {
        return ServerEvent.json("snapshot", null, CanonicalJson.encode(snapshots.snapshot()));
    }

    EventStreams streams() {
        return pages;
    }

    /** Pages open now. */
    int pages() {
        return pages.count();
    }
}
