package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;

/**
 * A change of the chain's tip, as its listeners hear of it: one block appended, or the whole chain replaced by a
 * longer one (consensus). Background listeners get them in chain order (see {@link ChainListeners}).
 */
public sealed interface ChainEvent {

    /** The tip after the change. */
    SealedBlock tip();

    /** The peer (base URL) the change came from, or empty when it was made here (a block forged by our miners). */
    Optional<String> fromPeer();

    record BlockAppended(SealedBlock block, Optional<String> fromPeer) implements ChainEvent {

        @Override
        public SealedBlock tip() {
            return block;
        }
    }

    record ChainReplaced(List<SealedBlock> chain, Optional<String> fromPeer) implements ChainEvent {

        public ChainReplaced {
            chain = List.copyOf(chain);
        }

        @Override
        public SealedBlock tip() {
            return chain.getLast();
        }
    }
}
