package dev.blockmine.miner;

import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;
import tools.jackson.databind.JsonNode;

/**
 * The miner's loop: get the last block, search a proof, post it, count the coins; until stopped.
 * While searching it listens for new tips ({@link #listeningForTips()}: the node's {@code GET /events}, falling back to
 * polling) or polls the node, and drops a block as soon as someone else has forged it.
 * Nothing the node does (down, restarting, answering HTML) ends the loop: it says so and retries.
 */
public final class MiningLoop {

    /** How often a long search prints its progress, in polls. */
    private static final int PROGRESS_EVERY_POLLS = 10;

    private final NodeClient node;
    private final ProofSearch search;
    private final ProofRule rule;
    private final String minerId;
    private final Duration pollInterval;
    private final PrintStream out;
    private final Stopper stopper = new Stopper();
    private final Retries retries;
    private final CoinTally tally;
    private ChainVerifier verifier;
    private boolean listen;
    private TipStream tips; // while run() runs with listen on
    private SearchLog searchLog = SearchLog.NONE;
    private final AtomicReference<Watch> watching = new AtomicReference<>();

    /** The search in hand and the block it mines on, for a tip pushed to us to cancel. */
    private record Watch(Tip mined, SearchControl control, AtomicReference<String> forgedElsewhere) {

        void heard(Tip tip) {
            if (tip.supersedes(mined)) {
                forgedElsewhere.compareAndSet(null, tip.next().toString());
                control.cancel();
            }
        }
    }

    /**
     * @param stopAfterBlocksWon stop once this many blocks are won; 0 mines until {@link #stop()}
     */
    public MiningLoop(NodeClient node, ProofSearch search, ProofRule rule, String minerId, Duration pollInterval,
            long stopAfterBlocksWon, PrintStream out) {
        this.node = node;
        this.search = search;
        this.rule = rule;
        this.minerId = minerId;
        this.pollInterval = pollInterval;
        this.out = out;
        this.retries = new Retries(out, stopper);
        this.tally = new CoinTally(out, stopAfterBlocksWon);
    }

    /** Before mining each block, check that the node's chain validates, and refuse to mine on one that does not. */
    public MiningLoop verifyingChain() {
        this.verifier = new ChainVerifier(node, rule);
        return this;
    }

    /**
     * Hear of new blocks the moment the node has them, from its {@code GET /events} stream, instead of polling; the
     * loop still polls while the node has no stream (a course node) or the stream is down, and says which it does.
     */
    public MiningLoop listeningForTips() {
        this.listen = true;
        return this;
    }

    /** Writes one JSON line per search to {@code file} (see {@link SearchLog}): for benchmarks. */
    public MiningLoop loggingSearches(java.nio.file.Path file) {
        this.searchLog = SearchLog.to(file);
        return this;
    }

    /** Ends the loop soon: the running search is cancelled and any back-off wait is cut short. Safe from any thread. */
    public void stop() {
        stopper.stop();
    }

    public boolean isStopped() {
        return stopper.isStopped();
    }

    public MiningSummary run() {
        String polling = "polling every " + Format.interval(pollInterval);
        if (listen) {
            tips = new TipStream(node, out, polling, this::heard).start();
        } else {
            out.println("Watching for new blocks: " + polling);
        }
        try (SearchLog log = searchLog) {
            return mine();
        } finally {
            if (tips != null) {
                tips.close();
            }
        }
    }

    /**
     * The node's last block, or the tip it pushed if that is later (a node behind a load balancer may serve an older
     * replica's tip): mining on a block already known dead would only be cancelled again at once.
     */
    private JsonNode newest(JsonNode lastBlock) {
        Optional<Tip> pushed = tips == null ? Optional.empty() : tips.latest();
        Optional<Tip> served = Tip.of(lastBlock);
        if (pushed.isPresent() && served.isPresent() && pushed.get().index().compareTo(served.get().index()) > 0) {
            return CanonicalJson.parse(pushed.get().blockString());
        }
        return lastBlock;
    }

    /** A tip pushed by the node, on the stream's thread: it cancels the search in hand if its block is dead. */
    private void heard(Tip tip) {
        Watch watch = watching.get();
        if (watch != null) {
            watch.heard(tip);
        }
    }

    private MiningSummary mine() {
        long started = System.nanoTime();
        while (!isStopped() && !tally.goalReached()) {
            JsonNode block;
            try {
                block = newest(node.lastBlock());
                if (verifier != null) {
                    verifier.check(block);
                }
                retries.succeeded();
            } catch (NodeException e) {
                retries.pause(e.getMessage());
                continue;
            } catch (ChainVerifier.InvalidChain e) {
                retries.pause("Refusing to mine: " + e.getMessage());
                continue;
            }
            String blockString = CanonicalJson.encode(block);
            String index = nextIndex(block);
            SearchControl control = stopper.nextSearch();
            if (control.isCancelled()) {
                break;
            }
            out.printf("Mining block %s: proof of work started (%s zeros, %d thread%s, %s engine)%n", index,
                    rule.hexZeros(), search.threads(), search.threads() == 1 ? "" : "s", search.name());
            long searchStarted = System.nanoTime();
            long startedAt = System.currentTimeMillis();
            AtomicReference<String> forgedElsewhere = new AtomicReference<>();
            Tip mined = Tip.of(block).orElse(null);
            if (mined != null) {
                Watch watch = new Watch(mined, control, forgedElsewhere);
                watching.set(watch);
                if (tips != null) {
                    tips.latest().ifPresent(watch::heard); // a tip heard while we asked for the last block
                }
            }
            Thread watcher = Thread.ofVirtual().name("stale-watch").start(
                    () -> watch(blockString, index, control, forgedElsewhere, searchStarted));
            // a start of our own: miners starting at the same place would find the same proof at the same moment
            OptionalLong proof = search.search(blockString, rule, control, ThreadLocalRandom.current().nextLong());
            watcher.interrupt();
            watching.set(null);
            long endedAt = System.currentTimeMillis();
            BigInteger forging = mined == null ? BigInteger.ZERO : mined.next();
            Duration took = Duration.ofNanos(System.nanoTime() - searchStarted);
            tally.tried(control.tried());
            String rate = Format.rate(control.tried(), took);
            // a proof for a block we already know is forged would only be told 409 "too late": not sent
            if (proof.isEmpty() || forgedElsewhere.get() != null) {
                searchLog.record(forging, startedAt, endedAt, search.threads(), control.tried(),
                        forgedElsewhere.get() != null ? SearchLog.Outcome.ABANDONED : SearchLog.Outcome.STOPPED);
                if (forgedElsewhere.get() != null) {
                    out.printf("Block %s was forged by someone else after %s (%s); moving on to block %s%n",
                            index, Format.seconds(took), rate, forgedElsewhere.get());
                } else {
                    out.printf("Proof of work for block %s stopped after %s (%s)%n", index, Format.seconds(took), rate);
                }
                continue;
            }
            out.printf("Proof of work finished: proof %d for block %s in %s (%s)%n", proof.getAsLong(), index,
                    Format.seconds(took), rate);
            NodeReply reply;
            try {
                reply = node.submit(BigInteger.valueOf(proof.getAsLong()), minerId);
            } catch (NodeException e) {
                searchLog.record(forging, startedAt, endedAt, search.threads(), control.tried(), SearchLog.Outcome.REFUSED);
                retries.pause("Could not post the proof: " + e.getMessage());
                continue;
            }
            searchLog.record(forging, startedAt, endedAt, search.threads(), control.tried(), reply.forged()
                    ? SearchLog.Outcome.WON : reply.status() == 409 ? SearchLog.Outcome.STALE : SearchLog.Outcome.REFUSED);
            String answer = "%d \"%s\"".formatted(reply.status(), reply.message());
            if (reply.forged()) {
                tally.won(answer);
            } else {
                tally.refused(answer);
                tally.printCoins();
            }
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Polls the node during a search; cancels it when the last block is no longer the one being mined. */
    private void watch(String blockString, String index, SearchControl control,
            AtomicReference<String> forgedElsewhere, long searchStarted) {
        int polls = 0;
        try {
            while (!control.isCancelled()) {
                Thread.sleep(pollInterval);
                if (++polls % PROGRESS_EVERY_POLLS == 0) {
                    double seconds = (System.nanoTime() - searchStarted) / 1e9;
                    out.printf("  ... block %s: %s proofs tried in %.0f s (%s)%n", index,
                            Format.count(control.tried()), seconds, Format.rate(control.tried() / seconds));
                }
                if (tips != null && tips.live()) {
                    continue; // tips are pushed: no need to ask
                }
                JsonNode latest;
                try {
                    latest = node.lastBlock();
                } catch (NodeException e) {
                    continue; // keep searching; the post will tell whether the node is back
                }
                if (!CanonicalJson.encode(latest).equals(blockString)) {
                    forgedElsewhere.set(nextIndex(latest));
                    control.cancel();
                }
            }
        } catch (InterruptedException e) {
            // the search is over
        }
    }

    /** The index of the block a proof on {@code lastBlock} would forge. */
    private static String nextIndex(JsonNode lastBlock) {
        JsonNode index = lastBlock.path("index");
        return index.isIntegralNumber() ? index.bigIntegerValue().add(BigInteger.ONE).toString() : "after " + index;
    }
}
