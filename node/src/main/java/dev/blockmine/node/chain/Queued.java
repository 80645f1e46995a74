package dev.blockmine.node.chain;

/** What became of a transaction offered for the next block. */
public sealed interface Queued {

    /** It waits for block {@code blockIndex}. */
    record Accepted(long blockIndex) implements Queued {
    }

    /** The queue holds its maximum: the client may try again after the next block. */
    record Full(int maxPending) implements Queued {
    }

    /** The ledger refuses it, saying why (balance, nonce). */
    record Refused(String message) implements Queued {
    }
}
