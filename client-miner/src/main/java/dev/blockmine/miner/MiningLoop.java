package dev.blockmine.miner;

import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;
import tools.jackson.databind.JsonNode;

/**
 * The miner's loop: get the last block, search a proof, post it, count the coins; until stopped.
 * While searching, a {@link StaleBlockWatch} drops the block as soon as someone else has forged it: pushed by the node
 * ({@link #listeningForTips()}) or polled.
 * Nothing the node does (down, restarting, answering HTML) ends the loop: it says so and retries.
 */
public final class MiningLoop {

    /** How often a long search prints its progress, in poll intervals. */
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
    private boolean push;
    private SearchLog searchLog = SearchLog.NONE;
    private StaleBlockWatch staleBlocks; // while run() runs

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
        this.push = true;
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
        long started = System.nanoTime();
        try (StaleBlockWatch watch = StaleBlockWatch.start(node, push, pollInterval, out); SearchLog log = searchLog) {
            staleBlocks = watch;
            while (!isStopped() && !tally.goalReached()) {
                blockToMine().ifPresent(this::mineOn);
            }
        } finally {
            staleBlocks = null;
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The block to mine on next; empty after saying why there is none and pausing before the loop asks again. */
    private Optional<JsonNode> blockToMine() {
        try {
            JsonNode block = newest(node.lastBlock());
            if (verifier != null) {
                verifier.check(block);
            }
            retries.succeeded();
            return Optional.of(block);
        } catch (NodeException e) {
            retries.pause(e.getMessage());
        } catch (ChainVerifier.InvalidChain e) {
            retries.pause("Refusing to mine: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The node's last block, or the tip it pushed if that is later (a node behind a load balancer may serve an older
     * replica's tip): mining on a block already known dead would only be cancelled again at once.
     */
    private JsonNode newest(JsonNode lastBlock) {
        Optional<Tip> pushed = staleBlocks.latest();
        Optional<Tip> served = Tip.of(lastBlock);
        if (pushed.isPresent() && served.isPresent() && pushed.get().index().compareTo(served.get().index()) > 0) {
            return CanonicalJson.parse(pushed.get().blockString());
        }
        return lastBlock;
    }

    /** Searches a proof on {@code block} until found, the block is forged elsewhere, or the loop stops; posts it. */
    private void mineOn(JsonNode block) {
        SearchControl control = stopper.nextSearch();
        if (control.isCancelled()) {
            return; // stopped
        }
        SearchedBlock searched = new SearchedBlock(block, control);
        String index = searched.index();
        out.printf("Mining block %s: proof of work started (%s zeros, %d thread%s, %s engine)%n", index,
                rule.hexZeros(), search.threads(), search.threads() == 1 ? "" : "s", search.name());
        long searchStarted = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        OptionalLong proof;
        try (StaleBlockWatch.Watching watching = staleBlocks.watch(searched);
                SearchProgress progress = SearchProgress.every(pollInterval.multipliedBy(PROGRESS_EVERY_POLLS), index,
                        control, out)) {
            // a start of our own: miners starting at the same place would find the same proof at the same moment
            proof = search.search(searched.blockString(), rule, control, ThreadLocalRandom.current().nextLong());
        }
        long endedAt = System.currentTimeMillis();
        Consumer<SearchLog.Outcome> logged = outcome -> searchLog.record(searched.forging(), startedAt, endedAt,
                search.threads(), control.tried(), outcome);
        Duration took = Duration.ofNanos(System.nanoTime() - searchStarted);
        tally.tried(control.tried());
        String rate = Format.rate(control.tried(), took);
        Optional<String> forgedElsewhere = searched.forgedElsewhere();
        if (forgedElsewhere.isPresent()) {
            // a proof for a block we already know is forged would only be told 409 "too late": not sent
            logged.accept(SearchLog.Outcome.ABANDONED);
            out.printf("Block %s was forged by someone else after %s (%s); moving on to block %s%n",
                    index, Format.seconds(took), rate, forgedElsewhere.get());
        } else if (proof.isEmpty()) {
            logged.accept(SearchLog.Outcome.STOPPED);
            out.printf("Proof of work for block %s stopped after %s (%s)%n", index, Format.seconds(took), rate);
        } else {
            out.printf("Proof of work finished: proof %d for block %s in %s (%s)%n", proof.getAsLong(), index,
                    Format.seconds(took), rate);
            post(BigInteger.valueOf(proof.getAsLong()), logged);
        }
    }

    private void post(BigInteger proof, Consumer<SearchLog.Outcome> logged) {
        NodeReply reply;
        try {
            reply = node.submit(proof, minerId);
        } catch (NodeException e) {
            logged.accept(SearchLog.Outcome.REFUSED);
            retries.pause("Could not post the proof: " + e.getMessage());
            return;
        }
        logged.accept(reply.forged() ? SearchLog.Outcome.WON
                : reply.status() == 409 ? SearchLog.Outcome.STALE : SearchLog.Outcome.REFUSED);
        String answer = "%d \"%s\"".formatted(reply.status(), reply.message());
        if (reply.forged()) {
            tally.won(answer);
        } else {
            tally.refused(answer);
            tally.printCoins();
        }
    }
}
