package dev.blockmine.node.peers;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainBusy;
import dev.blockmine.node.chain.SealedBlock;

/**
 * The course's consensus: the longest valid chain among our peers wins. A foreign chain is adopted only when
 * every block validates and is stored exactly as received; length alone never wins. Each peer is synced by the gap
 * ({@link GapSync}): only the blocks after the point where its chain and ours meet are read, page by page.
 * <p>
 * Peers are synced in parallel (at most {@code parallelFetches} at once, which bounds the memory a resolve holds),
 * each exchange under its own deadline, and a longer valid branch is adopted the moment it has been read: a slow peer
 * delays nobody.
 * Requests coalesce: while a resolve runs, every request joins the one queued behind it, so a flood of requests
 * costs at most two resolves.
 */
public final class Consensus {

    private static final Logger log = LoggerFactory.getLogger(Consensus.class);

    /**
     * What a resolution came to.
     *
     * @param chain our chain after it
     * @param rejected why each peer that failed did (invalid, unreachable), one line each
     */
    public record Outcome(boolean replaced, List<SealedBlock> chain, List<String> rejected) {
    }

    private final Chain chain;
    private final Peers peers;
    private final PeerClient client;
    private final BlockValidation validation;
    private final Semaphore fetches;
    private CompletableFuture<Outcome> running; // guarded by this
    private CompletableFuture<Outcome> queued; // guarded by this
    private boolean queuedAsked; // guarded by this: whether someone asked for the queued resolve (every peer)

    public Consensus(Chain chain, Peers peers, PeerClient client, BlockValidation validation, int parallelFetches) {
        this.chain = chain;
        this.peers = peers;
        this.client = client;
        this.validation = validation;
        this.fetches = new Semaphore(parallelFetches);
    }

    /**
     * Resolves with every peer, resting ones included, and waits for the outcome: someone asked for it
     * ({@code GET /nodes/resolve}).
     */
    public Outcome resolve() {
        return request(true).join();
    }

    /**
     * Asks for a resolve in the background (a gap announcement, the start): with the peers that are not resting, so
     * that what others make us send stays bounded however often they ask.
     */
    public CompletableFuture<Outcome> request() {
        return request(false);
    }

    /** A resolve that starts now, or the one queued behind the resolve running. */
    private synchronized CompletableFuture<Outcome> request(boolean asked) {
        if (running == null) {
            running = new CompletableFuture<>();
            start(running, asked);
            return running;
        }
        if (queued == null) {
            queued = new CompletableFuture<>();
        }
        queuedAsked |= asked;
        return queued;
    }

    /**
     * Proves new peers nodes before they hear of our blocks: asks each for the first block of its chain
     * ({@code GET /chain?from=1&limit=1}, one small request), and a peer that answers with a chain is proven. Nothing
     * is adopted here: a resolve does that.
     */
    public void introduce(List<String> fresh) {
        for (String peer : fresh) {
            Thread.ofVirtual().name("introduce").start(() -> {
                try {
                    client.chain(peer, 1, 1, block -> {
                    });
                    peers.proven(peer);
                } catch (IOException e) {
                    log.info("{} did not answer as a node (it is not told of blocks until it does): {}", peer, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private void start(CompletableFuture<Outcome> resolve, boolean asked) {
        Thread.ofVirtual().name("resolve").start(() -> {
            try {
                resolve.complete(resolveNow(asked));
            } catch (RuntimeException e) {
                log.error("A resolve failed", e);
                resolve.complete(new Outcome(false, chain.blocks(), List.of("resolve failed: " + e)));
            } finally {
                next();
            }
        });
    }

    private synchronized void next() {
        running = queued;
        boolean asked = queuedAsked;
        queued = null;
        queuedAsked = false;
        if (running != null) {
            start(running, asked);
        }
    }

    private Outcome resolveNow(boolean everyPeer) {
        Queue<String> rejected = new ConcurrentLinkedQueue<>();
        AtomicBoolean replaced = new AtomicBoolean();
        try (ExecutorService perPeer = Executors.newVirtualThreadPerTaskExecutor()) {
            List<String> ready = everyPeer ? peers.all() : peers.ready(); // a failing peer rests between tries
            peers.all().stream().filter(peer -> !ready.contains(peer))
                    .forEach(peer -> rejected.add(peer + ": resting after failed exchanges; asked again shortly"));
            for (String peer : ready) {
                perPeer.submit(() -> resolveWith(peer, rejected, replaced));
            }
        } // waits for every peer: each ends by its deadline
        return new Outcome(replaced.get(), chain.blocks(), List.copyOf(rejected));
    }

    private void resolveWith(String peer, Queue<String> rejected, AtomicBoolean replaced) {
        try {
            fetches.acquire();
        } catch (InterruptedException e) {
            return;
        }
        try {
            GapSync.Result result = new GapSync(chain, validation, client, peer).run();
            peers.proven(peer); // it answered with a chain: a node, to be told of our blocks
            if (result.adopted() > 0) {
                replaced.set(true);
                log.info("Took {} blocks from {}, whose chain is {} blocks long: our tip is now block {}", result.adopted(),
                        peer, result.peerLength(), chain.tip().index());
            }
        } catch (ChainReader.InvalidChain e) {
            log.warn("Rejected the chain of {}: {}", peer, e.getMessage());
            rejected.add(peer + ": " + e.getMessage());
        } catch (IOException e) {
            log.info("Could not sync with {}: {}", peer, e.getMessage());
            rejected.add(peer + ": unreachable (" + e.getMessage() + ")");
        } catch (ChainBusy e) { // our store, not the peer: the next resolve tries again
            log.warn("Could not take the chain of {}: {}", peer, e.getMessage());
            rejected.add(peer + ": not taken (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetches.release();
        }
    }
}
