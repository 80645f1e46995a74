package dev.blockmine.node.chain;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * State kept block by block from the chain (the ledger's balances, the leaderboard) that a durable node saves in its
 * {@link Checkpoint}, so that a restart takes it up where it was instead of counting it again from the genesis block.
 */
public interface DerivedState {

    /** Its key in the checkpoint. */
    String name();

    /** Its state after {@code tip} (a block of {@code chain}), or empty when it cannot say just now. */
    Optional<JsonNode> stateAt(SealedBlock tip, BlockList chain);
}
