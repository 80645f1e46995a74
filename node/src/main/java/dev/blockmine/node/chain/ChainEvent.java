package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;

/**
 * A change of the chain's tip, as its listeners hear of it: one block appended, or the blocks after a fork point replaced
 * by a longer branch (consensus). Background listeners get them in chain order (see {@link ChainListeners}).
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

    /**
     * Our blocks after a fork point replaced by a longer branch (consensus), or a run of blocks appended at once (a
     * sync that was only behind: nothing removed).
     *
     * @param removed our blocks after the fork point, oldest first
     * @param added the branch's blocks after it, oldest first
     */
    record ChainReplaced(List<SealedBlock> removed, List<SealedBlock> added, Optional<String> fromPeer)
            implements ChainEvent {

        public ChainReplaced {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        @Override
        public SealedBlock tip() {
            return added.getLast();
        }
    }
}
