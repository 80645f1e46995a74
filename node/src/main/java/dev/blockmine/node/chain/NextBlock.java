package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the next block will be built on: the tip and the transactions pending at that moment, taken together
 * under the chain's lock. A binary job commits to exactly these transactions.
 */
public record NextBlock(SealedBlock tip, List<Transaction> transactions) {

    public NextBlock {
        transactions = List.copyOf(transactions);
    }

    /** The basis of a block forged elsewhere (a peer's), which takes none of our pending transactions. */
    public static NextBlock on(SealedBlock tip) {
        return new NextBlock(tip, List.of());
    }

    public long index() {
        return tip.index() + 1;
    }

    /**
     * The block a winning proof forges, whichever front-end it came through: these transactions, then the one-coin
     * reward for the miner, stamped with the time it was won.
     */
    public SealedBlock forge(BigInteger proof, String minerId, ProvenBy provenBy, Clock clock) {
        List<Transaction> withReward = new ArrayList<>(transactions);
        withReward.add(Transaction.reward(minerId));
        return SealedBlock.of(new Block(index(), Block.pythonTime(clock), withReward, proof, tip.hash(), provenBy));
    }
}
