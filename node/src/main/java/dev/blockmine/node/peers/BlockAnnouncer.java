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
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

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
 * delays only its own outbox and never mining. A block a peer did not take (no answer, or 500 and above) is retried
 * by Spring's {@link RetryTemplate}, {@link #ATTEMPTS} tries with back-off between them (1 s doubling), while nothing
 * newer waits for that peer; after that it catches up by resolving, as any node that sees a gap does. A peer proven
 * after our tip moved (its registration's first exchange still under way when a block came) is sent our tip then,
 * so that no block of ours passes it by for want of the next one.
 */
public final class BlockAnnouncer {

    static final int ATTEMPTS = 5;
    /** Blocks waiting for one peer; older ones are dropped (the peer resolves when it sees the gap). */
    static final int QUEUED = 16;
    /** Announcements in flight at once, to all peers together. */
    static final int IN_FLIGHT = 8;

    private static final Logger log = LoggerFactory.getLogger(BlockAnnouncer.class);

    private final Chain chain;
    private final Peers peers;
    private final PeerClient client;
    private final Duration firstRetry;
    private final IntSupplier ourPort;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private long announced; // the highest block announced; only the background listener's thread touches it

    /** @param ourPort our HTTP port, sent along so that a peer knows the block came from us (see {@link PeerOrigin}) */
    public BlockAnnouncer(Chain chain, Peers peers, PeerClient client, Duration firstRetry, IntSupplier ourPort) {
        this.chain = chain;
        this.peers = peers;
        this.client = client;
        this.firstRetry = firstRetry;
        this.ourPort = ourPort;
        chain.listen(ChainListeners.Turn.BACKGROUND, this::announce);
        peers.onFirstProven(this::greet);
    }

    /**
     * A peer just proven hears of our tip: a block announced before it was proven did not go to it. Our tip is read
     * after the peer joined the proven ones, so a block forged meanwhile reaches it one way or the other (a peer that
     * has it already answers so).
     */
    private void greet(String peer) {
        SealedBlock tip = chain.tip();
        if (tip.index() > 1) {
            outboxes.computeIfAbsent(peer, Outbox::new).add(tip);
        }
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

        /**
         * Sends {@code block} until the peer takes it or answers on its merits, retrying a peer that is down or failing
         * ({@link #ATTEMPTS} tries, {@code firstRetry} doubling between them) while nothing newer waits for it.
         */
        private void deliver(SealedBlock block) throws InterruptedException {
            RetryTemplate retries = new RetryTemplate(RetryPolicy.builder().includes(IOException.class)
                    .backOff(givingWay(doubling())).build());
            retries.setRetryListener(new RetryListener() {
                @Override
                public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                    if (!state.isSuccessful()) {
                        log.debug("Peer {} did not take block {} (attempt {}): {}", peer, block.index(),
                                state.getRetryCount() + 1, state.getLastException().getMessage());
                    }
                }
            });
            try {
                retries.execute(() -> announceOnce(block));
            } catch (RetryException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (e.getCause() instanceof InterruptedException || Thread.interrupted()) {
                    throw new InterruptedException("closing");
                }
                // a RuntimeException is a bug of ours, logged by the client: a retry would meet it again; the next block goes
                if (e.getCause() instanceof IOException && !newerWaiting()) {
                    log.info("Peer {} is unreachable; it will catch up by resolving", peer);
                } // else the peer resolves when it hears of the newer block
            }
        }

        /** One try: a failure is an IOException (no answer, or 500 and above: see {@link PeerClient#announce}). */
        private Void announceOnce(SealedBlock block) throws IOException, InterruptedException {
            inFlight.acquire();
            try {
                client.announce(peer, block.blockString(), ourPort.getAsInt());
                return null; // accepted, known, or refused on its merits: nothing a retry would change
            } finally {
                inFlight.release();
            }
        }

        private BackOff doubling() {
            ExponentialBackOff doubling = new ExponentialBackOff(firstRetry.toMillis(), 2);
            doubling.setMaxAttempts(ATTEMPTS - 1);
            return doubling;
        }

        /**
         * {@code delays}, waited out here rather than slept by the template, so that the retries end (STOP) as soon as
         * a newer block waits for this peer: the peer resolves when it hears of that one.
         */
        private BackOff givingWay(BackOff delays) {
            return () -> {
                BackOffExecution next = delays.start();
                return () -> {
                    long delay = next.nextBackOff();
                    try {
                        return delay == BackOffExecution.STOP || newerWithin(Duration.ofMillis(delay)) ? BackOffExecution.STOP : 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the template then stops too; deliver() says so
                        return BackOffExecution.STOP;
                    }
                };
            };
        }

        private synchronized boolean newerWaiting() {
            return !waiting.isEmpty();
        }

        /** Waits out a back-off; returns early, true, as soon as a newer block waits for this peer. */
        private synchronized boolean newerWithin(Duration backOff) throws InterruptedException {
            long end = System.nanoTime() + backOff.toNanos();
            for (long left = backOff.toNanos(); waiting.isEmpty() && left > 0; left = end - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return !waiting.isEmpty();
        }
    }
}
