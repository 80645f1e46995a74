package dev.blockmine.miner;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.search.SearchControl;
import tools.jackson.databind.JsonNode;

/**
 * The block a search runs on, as a {@link StaleBlockWatch} sees it: the first sign that someone else forged it
 * cancels the search and is kept, so the loop can say which block comes next. Safe from any thread.
 */
final class SearchedBlock {

    private final String blockString;
    private final String index;
    private final Tip tip; // null for a block without an integer index: only polling can tell it is stale
    private final SearchControl control;
    private final AtomicReference<String> forgedElsewhere = new AtomicReference<>();

    SearchedBlock(JsonNode block, SearchControl control) {
        this.blockString = CanonicalJson.encode(block);
        this.index = Tip.nextIndex(block);
        this.tip = Tip.of(block).orElse(null);
        this.control = control;
    }

    /** A tip the node pushed: the block is stale once a tip supersedes it. */
    void heard(Tip pushed) {
        if (tip != null && pushed.supersedes(tip)) {
            stale(pushed.next().toString());
        }
    }

    /** The node's last block, polled: any other block than ours means ours was forged (or its chain replaced). */
    void polled(JsonNode lastBlock) {
        if (!CanonicalJson.encode(lastBlock).equals(blockString)) {
            stale(Tip.nextIndex(lastBlock));
        }
    }

    /** Whether the search still runs (not cancelled: by news of a new block, or by the loop's stop). */
    boolean searching() {
        return !control.isCancelled();
    }

    /** The index of the block that someone else forged in our place, once heard of. */
    Optional<String> forgedElsewhere() {
        return Optional.ofNullable(forgedElsewhere.get());
    }

    /** What a proof is searched on: {@code json.dumps(block, sort_keys=True)}. */
    String blockString() {
        return blockString;
    }

    /** The index of the block a proof forges, as printed ("after x" for a block without an integer index). */
    String index() {
        return index;
    }

    /** The index of the block a proof forges, for the search log (0 for a block without an integer index). */
    BigInteger forging() {
        return tip == null ? BigInteger.ZERO : tip.next();
    }

    private void stale(String next) {
        if (forgedElsewhere.compareAndSet(null, next)) {
            control.cancel();
        }
    }
}
