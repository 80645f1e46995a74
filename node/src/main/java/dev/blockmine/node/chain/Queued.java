package dev.blockmine.node.chain;

/** What became of a transaction offered for the next block. */
public sealed interface Queued {

    /** It waits for block {@code blockIndex}. */
    record Accepted(long blockIndex) implements Queued {
    }

    /** The queue holds its maximum: the client may try again after the next block. */
    record Full(int maxPending) implements Queued {
    }

    /** The sender already has its fair share ({@code maxPerSender}) waiting: it may send more after the next block. */
    record SenderFull(String sender, int maxPerSender) implements Queued {
    }

    /** The replicas' shared chain moved on while this replica was catching up: the client may try again at once. */
    record Behind() implements Queued {
    }

    /** The ledger refuses it, saying why (balance, nonce). */
    record Refused(String message) implements Queued {
    }
}
