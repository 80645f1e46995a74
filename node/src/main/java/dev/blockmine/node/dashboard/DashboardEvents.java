package dev.blockmine.node.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.CanonicalJson;

/** Open dashboards, each a server-sent event stream; every new block (and a periodic tick) pushes a snapshot. */
final class DashboardEvents {

    private final DashboardSnapshots snapshots;
    private final List<SseEmitter> open = new CopyOnWriteArrayList<>();

    DashboardEvents(Chain chain, DashboardSnapshots snapshots) {
        this.snapshots = snapshots;
        chain.onAppend(block -> broadcast());
        chain.onReplace(adopted -> broadcast());
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the page keeps it open; EventSource reconnects anyway
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        open.add(emitter);
        send(emitter, CanonicalJson.encode(snapshots.snapshot()));
        return emitter;
    }

    void broadcast() {
        if (open.isEmpty()) {
            return;
        }
        String json = CanonicalJson.encode(snapshots.snapshot());
        open.forEach(emitter -> send(emitter, json));
    }

    /** Ends every stream, so that a graceful shutdown does not wait on pages that never finish their request. */
    void closeAll() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    private void send(SseEmitter emitter, String json) {
        try {
            emitter.send(SseEmitter.event().name("snapshot").data(json, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            open.remove(emitter); // the page went away
            emitter.completeWithError(e);
        }
    }
}
