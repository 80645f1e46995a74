package dev.blockmine.node.chain;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A rule a chain must meet beyond every block's shape, proof and links (which are {@link BlockValidation}'s own):
 * the ledger's balances, say. Rules are Spring beans; {@link BlockValidation} runs every one at every door. A rule
 * must not depend on the {@link Chain} (the chain is validated with it when the node starts): it is handed the
 * blocks it needs.
 */
public interface ChainRule {

    /**
     * A walk along one chain, block by block.
     *
     * @param before the good blocks the walk starts after, oldest first: none for a foreign chain checked from its
     *               genesis block, our own chain for one block announced on top of it
     */
    Walk start(List<SealedBlock> before);

    /** One chain's walk: sees each block once, in order, and only after the blocks before it were good. */
    interface Walk {

        /** What is wrong with the next block under this rule, or null when nothing is. */
        String problem(JsonNode block);
    }
}
