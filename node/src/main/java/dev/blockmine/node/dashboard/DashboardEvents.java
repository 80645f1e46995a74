package dev.blockmine.node.dashboard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.pow.CanonicalJson;

/**
 * Open dashboards, each a server-sent event stream; every new block (and a periodic tick) pushes a snapshot. The
 * chain tells us in the background and each page is written by its own thread, so neither a miner's answer nor
 * the other pages ever wait for a page; a page that stops reading is dropped.
 */
final class DashboardEvents {

    private static final Logger log = LoggerFactory.getLogger(DashboardEvents.class);

    private final DashboardSnapshots snapshots;
    private final Set<DashboardPage> open = ConcurrentHashMap.newKeySet();

    DashboardEvents(Chain chain, DashboardSnapshots snapshots) {
        this.snapshots = snapshots;
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> broadcast());
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the page keeps it open; EventSource reconnects anyway
        DashboardPage page = new DashboardPage(emitter, open::remove);
        emitter.onCompletion(() -> open.remove(page));
        emitter.onTimeout(() -> open.remove(page));
        emitter.onError(e -> open.remove(page));
        open.add(page);
        page.offer(CanonicalJson.encode(snapshots.snapshot()));
        page.start();
        return emitter;
    }

    void broadcast() {
        if (open.isEmpty()) {
            return;
        }
        String json = CanonicalJson.encode(snapshots.snapshot());
        for (DashboardPage page : open) {
            if (!page.offer(json) && open.remove(page)) {
                log.info("Dropping a dashboard page that stopped reading ({} snapshots behind)", DashboardPage.QUEUED);
                page.close();
            }
        }
    }

    /** Pages open now. */
    int pages() {
        return open.size();
    }

    /** Ends every stream, so that a graceful shutdown does not wait on pages that never finish their request. */
    void closeAll() {
        open.forEach(DashboardPage::close);
        open.clear();
    }
}
