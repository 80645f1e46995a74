package dev.blockmine.node.chain;

import java.util.List;
import java.util.Optional;

/** The pool's room, whichever pool: at most so many waiting, and at most so many of one sender (a fair share). */
public final class PendingLimits {

    private PendingLimits() {
    }

    /** Why {@code transaction} finds no room among {@code pending}, if it finds none. */
    public static Optional<Queued> full(List<Transaction> pending, int max, int maxPerSender, Transaction transaction) {
        if (pending.size() >= max) {
            return Optional.of(new Queued.Full(max));
        }
        String sender = transaction.sender();
        if (pending.stream().filter(waiting -> waiting.sender().equals(sender)).count() >= maxPerSender) {
            return Optional.of(new Queued.SenderFull(sender, maxPerSender));
        }
        return Optional.empty();
    }
}
