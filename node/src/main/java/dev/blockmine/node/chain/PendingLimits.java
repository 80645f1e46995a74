package dev.blockmine.node.chain;

import java.util.Optional;

/** The pool's room, whichever pool: at most so many waiting, and at most so many of one sender (a fair share). */
public final class PendingLimits {

    private PendingLimits() {
    }

    public static Optional<Queued> full(int waiting, int max, int senders, int maxPerSender, String sender) {
        if (waiting >= max) {
            return Optional.of(new Queued.Full(max));
        }
        if (senders >= maxPerSender) {
            return Optional.of(new Queued.SenderFull(sender, maxPerSender));
        }
        return Optional.empty();
    }
}
