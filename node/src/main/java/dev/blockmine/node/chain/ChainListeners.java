package dev.blockmine.node.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of chain events and who hears it when. Listeners declare their {@link Turn}: those on the changing
 * thread run in turn order before the change is reported done (the miner that forged the block is answered after
 * them), so they must be quick; {@link Turn#BACKGROUND} listeners each get every event, in chain order, on a virtual
 * thread of their own, and never hold up a change however slow they are.
 */
public final class ChainListeners {

    /** When a listener hears of a change, in this order. */
    public enum Turn {
        /** On the changing thread, first: the binary target, which the next job must already carry. */
        TARGET,
        /** On the changing thread, next: the job board, which opens the next job and tells TCP miners to stop. */
        JOBS,
        /** On the changing thread, after those: quick bookkeeping that answers read right after (the leaderboard). */
        BOOKKEEPING,
        /** On a thread of its own, in chain order, holding nothing up: anything slow (pages, peers, metrics). */
        BACKGROUND
    }

    private static final Logger log = LoggerFactory.getLogger(ChainListeners.class);

    private record Inline(Turn turn, Consumer<ChainEvent> listener) {
    }

    private final List<Inline> inline = new CopyOnWriteArrayList<>();
    private final List<Background> background = new CopyOnWriteArrayList<>();

    synchronized void add(Turn turn, Consumer<ChainEvent> listener) {
        if (turn == Turn.BACKGROUND) {
            background.add(new Background(listener));
            return;
        }
        List<Inline> sorted = new ArrayList<>(inline);
        sorted.add(new Inline(turn, listener));
        sorted.sort(Comparator.comparing(Inline::turn)); // stable: the same turn keeps the order registered
        inline.clear();
        inline.addAll(sorted);
    }

    /** Queues the event for the background listeners; called under the chain's lock, so their order is the chain's. */
    void queue(ChainEvent event) {
        background.forEach(listener -> listener.offer(event));
    }

    /**
     * Runs the listeners on the changing thread, outside the chain's lock (they may read the chain). Changes made
     * concurrently may reach them out of order: a listener that cares reads {@link Chain#tip()}.
     */
    void runInline(ChainEvent event) {
        for (Inline listener : inline) {
            deliver(listener.listener(), event);
        }
    }

    /**
     * A failing listener is logged: the change stands, and the miner who made it must hear so. An {@link Error} too
     * (an OutOfMemoryError in one listener): a background listener's thread must reach the end of its drain, or its
     * flag stays raised and it never hears of a block again.
     */
    private static void deliver(Consumer<ChainEvent> listener, ChainEvent event) {
        try {
            listener.accept(event);
        } catch (Throwable e) {
            log.error("A chain listener failed on the change to block {}; the chain stands", event.tip().index(), e);
        }
    }

    /** One background listener: its events queue up and one virtual thread at a time hands them over, in order. */
    private static final class Background {

        private final Consumer<ChainEvent> listener;
        private final Queue<ChainEvent> events = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Background(Consumer<ChainEvent> listener) {
            this.listener = listener;
        }

        void offer(ChainEvent event) {
            events.add(event);
            if (draining.compareAndSet(false, true)) {
                try {
                    Thread.ofVirtual().name("chain-listener").start(this::drain);
                } catch (Throwable e) { // no thread to be had: the next event tries again, rather than none ever
                    draining.set(false);
                    log.error("Could not start a chain listener's thread; it hears of this change with the next", e);
                }
            }
        }

        private void drain() {
            do {
                for (ChainEvent event = events.poll(); event != null; event = events.poll()) {
                    deliver(listener, event);
                }
                draining.set(false);
                // an event queued after the last poll but before the flag dropped found it still set: take it too
            } while (!events.isEmpty() && draining.compareAndSet(false, true));
        }
    }
}
