package dev.blockmine.node.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.BlockTime;
import dev.blockmine.pow.ChainCheck;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * The one validation of a block, whatever its door: a peer's chain, a block a peer announces, the stored journal.
 * It is {@link ChainCheck}'s (the genesis block's and every block's shape, links, proofs, one reward of 1, as the
 * miner checks them too) followed by every plugged {@link ChainRule}, stopping at the first bad block.
 */
public final class BlockValidation {

    private final ProofRule rule;
    private final int minZeroBits;
    private final BlockShape shape;
    private final Supplier<List<ChainRule>> rules;

    /**
     * @param minZeroBits the lowest {@code zero_bits} a binary block may claim
     * @param rules the plugged rules, asked for at each walk (so that they may be made after this)
     */
    public BlockValidation(ProofRule rule, int minZeroBits, BlockShape shape, Supplier<List<ChainRule>> rules) {
        this.rule = rule;
        this.minZeroBits = minZeroBits;
        this.shape = shape;
        this.rules = rules;
    }

    public BlockShape shape() {
        return shape;
    }

    /** A walk along a foreign or stored chain, from its genesis block. */
    public Walk fromGenesis() {
        return new Walk(new ChainCheck.Walk(rule, minZeroBits, shape), List.of());
    }

    /** A walk that continues after {@code before}, good blocks ending with its tip (our chain, for an announced block). */
    public Walk after(List<SealedBlock> before) {
        SealedBlock tip = before.getLast();
        return new Walk(new ChainCheck.Walk(rule, minZeroBits, shape, tip.blockString(), tip.index(),
                lastTimes(before)), before);
    }

    /** The timestamps of the last {@link BlockTime#SPAN} of {@code blocks}, oldest first: what a next block's time must pass. */
    public static List<Double> lastTimes(List<SealedBlock> blocks) {
        return blocks.subList(Math.max(0, blocks.size() - BlockTime.SPAN), blocks.size()).stream()
                .map(SealedBlock::timestamp).toList();
    }

    /** The problems of the first bad block of a whole chain, empty when it is valid. */
    public List<String> problems(List<JsonNode> chain) {
        if (chain.isEmpty()) {
            return List.of("the chain is empty");
        }
        Walk walk = fromGenesis();
        for (JsonNode block : chain) {
            List<String> problems = walk.next(block);
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        return List.of();
    }

    /** One chain checked block by block, in order; it ends at the first bad block. */
    public final class Walk {

        private final ChainCheck.Walk check;
        private final List<ChainRule.Walk> ruleWalks = new ArrayList<>();

        private Walk(ChainCheck.Walk check, List<SealedBlock> before) {
            this.check = check;
            rules.get().forEach(chainRule -> ruleWalks.add(chainRule.start(before)));
        }

        /** Checks time against the median only, not the clock: for the node's own journal (see ChainCheck.Walk). */
        public Walk pastOnly() {
            check.pastOnly();
            return this;
        }

        /** The problems of the next block, empty when it is good. */
        public List<String> next(JsonNode block) {
            return withRules(check.next(block), block);
        }

        /**
         * The problems of a block the caller has found linked to this walk's last block (index and previous_hash):
         * see {@link ChainCheck.Walk#nextLinked}.
         */
        public List<String> nextLinked(JsonNode block) {
            return withRules(check.nextLinked(block), block);
        }

        private List<String> withRules(List<String> problems, JsonNode block) {
            if (!problems.isEmpty()) {
                return problems;
            }
            for (ChainRule.Walk ruleWalk : ruleWalks) {
                String problem = ruleWalk.problem(block);
                if (problem != null) {
                    return List.of("block #" + check.lastIndex() + ": " + problem);
                }
            }
            return List.of();
        }
    }
}
