package dev.blockmine.node.chain;

import java.util.List;

/** How the chain's tip moved: one block appended, or the whole chain replaced by a longer one (consensus). */
public sealed interface TipChange {

    record Appended(SealedBlock block) implements TipChange {
    }

    record Replaced(List<SealedBlock> chain) implements TipChange {
    }
}
