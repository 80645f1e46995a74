package dev.blockmine.node.peers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;

/**
 * Announces every change of our tip to our peers, so that blocks travel across a network where not every node
 * knows every other: a block forged here, a block a peer announced, and the tip of a chain adopted from a peer alike
 * (a peer that cannot append it resolves, as we did). Never to the peer the change came from, never the same block
 * twice (the tip only ever moves up). Each peer has an outbox of at most {@link #QUEUED} blocks, sent in order by at
 * most one request at a time, and at most {@link #IN_FLIGHT} requests go out at once in all: a slow or dead peer
 * delays only its own outbox and never mining. A block a peer did not take is retried with back-off (1 s doubling)
 * while nothing newer waits for that peer; after that it catches up by resolving, as any node that sees a gap does.
 */
public final class BlockAnnouncer {

    static final int ATTEMPTS = 5;
    /** Blocks waiting for one peer; older ones are dropped (the peer resolves when it sees the gap). */
    static final int QUEUED = 16;
    /** Announcements in flight at once, to all peers together. */
    static final int IN_FLIGHT = 8;

    private static final Logger log = LoggerFactory.getLogger(BlockAnnouncer.class);

    private final Peers peers;
    private final PeerClient client;
    private final Duration firstRetry;
    private final IntSupplier ourPort;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private long announced; // the highest block announced; only the background listener's thread touches it

    /** @param ourPort our HTTP port, sent along so that a peer knows the block came from us (see {@link PeerOrigin}) */
    public BlockAnnouncer(Chain chain, Peers peers, PeerClient client, Duration firstRetry, IntSupplier ourPort) {
        this.peers = peers;
        this.client = client;
        this.firstRetry = firstRetry;
        this.ourPort = ourPort;
        chain.listen(ChainListeners.Turn.BACKGROUND, this::announce);
    }

    private void announce(ChainEvent event) {
        SealedBlock block = event.tip();
        if (block.index() <= announced) {
            return; // a replaced chain is longer and an append adds one: the tip never comes back down
        }
        announced = block.index();
        var current = peers.proven(); // not addresses that never answered with a chain; each outbox retries with back-off
        outboxes.keySet().retainAll(current);
        for (String peer : current) {
            if (event.fromPeer().filter(peer::equals).isEmpty()) {
                outboxes.computeIfAbsent(peer, Outbox::new).add(block);
            }
        }
    }

    /** The blocks waiting for one peer, sent in order by at most one virtual thread at a time. */
    private final class Outbox {

        private final String peer;
        private final Deque<SealedBlock> waiting = new ArrayDeque<>(); // guarded by this
        private boolean sending; // guarded by this

        Outbox(String peer) {
            this.peer = peer;
        }

        void add(SealedBlock block) {
            synchronized (this) {
                if (waiting.size() == QUEUED) {
                    waiting.removeFirst();
                }
                waiting.addLast(block);
                notifyAll(); // a retry waiting on its back-off gives way to the newer block
                if (sending) {
                    return;
                }
                sending = true;
            }
            Thread.ofVirtual().name("announce-" + peer).start(this::send);
        }

        private void send() {
            while (true) {
                SealedBlock block;
                synchronized (this) {
                    block = waiting.pollFirst();
                    if (block == null) {
                        sending = false;
                        return;
                    }
                }
                try {
                    deliver(block);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Waits out a back-off; returns early, true, as soon as a newer block waits for this peer. */
        private synchronized boolean newerWithin(Duration backOff) throws InterruptedException {
            long end = System.nanoTime() + backOff.toNanos();
            for (long left = backOff.toNanos(); waiting.isEmpty() && left > 0; left = end - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return !waiting.isEmpty();
        }

        private void deliver(SealedBlock block) throws InterruptedException {
            Duration wait = firstRetry;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                inFlight.acquire();
                try {
                    if (client.announce(peer, block.blockString(), ourPort.getAsInt()) < 500) {
                        return; // accepted, known, or refused on its merits: nothing a retry would change
                    }
                } catch (IOException e) {
                    log.debug("Peer {} did not take block {} (attempt {}): {}", peer, block.index(), attempt, e.getMessage());
                } catch (RuntimeException e) {
                    return; // a bug of ours, logged by the client: a retry would meet it again; the next block goes
                } finally {
                    inFlight.release();
                }
                if (newerWithin(wait)) {
                    return; // the peer resolves when it hears of the newer block
                }
                wait = wait.multipliedBy(2);
            }
            log.info("Peer {} is unreachable; it will catch up by resolving", peer);
        }
    }
}
