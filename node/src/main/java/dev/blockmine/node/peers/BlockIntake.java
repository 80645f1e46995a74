package dev.blockmine.node.peers;

import java.util.List;
import java.util.Optional;

import dev.blockmine.node.chain.BlockValidation;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * What becomes of a block a peer announces ({@code POST /blocks}), each question asked once, in this order: does it
 * have an index; is it at a height we hold (the same block, or a rival); does it link to our tip (if not, a gap or a
 * fork: we resolve with our peers in the background); is it valid there (the link taken as checked); does it seal
 * exactly as received; and does the chain's compare-and-append take it (another block may have won the height since
 * we looked). The answer is an {@link Outcome}; what it means in HTTP is the controller's.
 */
public final class BlockIntake {

    /** What an announced block came to. */
    public sealed interface Outcome {

        /** The body has no integer {@code index}: not a block we can place. */
        record NoIndex() implements Outcome {
        }

        /** It followed our tip, validated, and is our tip now (and relayed to our other peers). */
        record Appended(long index) implements Outcome {
        }

        /** We hold this very block already. */
        record AlreadyHave(long index) implements Outcome {
        }

        /** We hold a different block at this height, and this one does not make a longer chain. */
        record Rival(long index) implements Outcome {
        }

        /** It does not follow our tip (a gap or a fork): a resolve with our peers was asked for. */
        record Resolving(long index, long ourTip) implements Outcome {
        }

        /** It followed the tip we read, but another block took that height before it could be appended. */
        record Stale(long index) implements Outcome {
        }

        /** It links to our tip but breaks a rule (the reason names the block and the first problem). */
        record Invalid(String reason) implements Outcome {
        }
    }

    private final Chain chain;
    private final BlockValidation validation;
    private final Runnable resolve;

    /**
     * @param resolve asks for a resolve with our peers in the background (coalesced: a flood of gap announcements
     *                costs at most two)
     */
    public BlockIntake(Chain chain, BlockValidation validation, Runnable resolve) {
        this.chain = chain;
        this.validation = validation;
        this.resolve = resolve;
    }

    /**
     * @param block the block as received (its size already bounded by the reader)
     * @param fromPeer the peer it came from, if we know it: an appended block is not announced back to it
     */
    public Outcome receive(JsonNode block, Optional<String> fromPeer) {
        if (!block.path("index").isIntegralNumber()) {
            return new Outcome.NoIndex();
        }
        long index = block.get("index").longValue();
        List<SealedBlock> ours = chain.blocks();
        SealedBlock tip = ours.getLast();
        if (index <= tip.index()) {
            boolean same = index >= 1 && ours.get((int) index - 1).blockString().equals(CanonicalJson.encode(block));
            return same ? new Outcome.AlreadyHave(index) : new Outcome.Rival(index);
        }
        if (index != tip.index() + 1 || !tip.hash().equals(block.path("previous_hash").stringValue(null))) {
            resolve.run();
            return new Outcome.Resolving(index, tip.index());
        }
        List<String> problems = validation.after(ours).nextLinked(block);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(String.join("; ", problems));
        }
        SealedBlock next;
        try {
            next = SealedBlock.fromJson(block);
        } catch (IllegalArgumentException e) {
            return new Outcome.Invalid(e.getMessage());
        }
        // the chain's own guard (index and link to the tip we read) is its compare-and-append, not a second intake
        return chain.appendOn(NextBlock.on(tip), next, fromPeer) ? new Outcome.Appended(index) : new Outcome.Stale(index);
    }
}
