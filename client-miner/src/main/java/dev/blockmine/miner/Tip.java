package dev.blockmine.miner;

import java.math.BigInteger;
import java.util.Optional;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A tip of the node's chain as a miner compares it with the block it mines on: its index and its block string.
 *
 * @param index the block's index
 * @param blockString {@code json.dumps(block, sort_keys=True)}, what a proof is computed on
 */
record Tip(BigInteger index, String blockString) {

    /** The tip a block (from {@code GET /last_block} or an event) stands for; empty when it holds no integer index. */
    static Optional<Tip> of(JsonNode block) {
        JsonNode index = block.path("index");
        return block.isObject() && index.isIntegralNumber()
                ? Optional.of(new Tip(index.bigIntegerValue(), CanonicalJson.encode(block))) : Optional.empty();
    }

    /** A {@code GET /events} tip event's data, {@code {"block", "hash", "index"}}; empty for anything else. */
    static Optional<Tip> ofEvent(String data) {
        try {
            return of(CanonicalJson.parse(data).path("block"));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this tip, heard while mining on {@code mined}, means the block being mined was forged by someone: a
     * later block, or another block at the same height (a chain replaced). An older tip is old news.
     */
    boolean supersedes(Tip mined) {
        int order = index.compareTo(mined.index);
        return order > 0 || order == 0 && !blockString.equals(mined.blockString);
    }

    /** The index of the block a proof on this tip forges. */
    BigInteger next() {
        return index.add(BigInteger.ONE);
    }

    /** The index of the block a proof on {@code lastBlock} forges, as printed ("after x" without an integer index). */
    static String nextIndex(JsonNode lastBlock) {
        JsonNode index = lastBlock.path("index");
        return index.isIntegralNumber() ? index.bigIntegerValue().add(BigInteger.ONE).toString() : "after " + index;
    }
}
