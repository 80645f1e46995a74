package dev.blockmine.node.chain;

import java.util.List;

/**
 * What the next block will be built on: the tip and the transactions pending at that moment, taken together
 * under the chain's lock. A binary job commits to exactly these transactions.
 */
public record NextBlock(SealedBlock tip, List<Transaction> transactions) {

    public NextBlock {
        transactions = List.copyOf(transactions);
    }

    public long index() {
        return tip.index() + 1;
    }
}
