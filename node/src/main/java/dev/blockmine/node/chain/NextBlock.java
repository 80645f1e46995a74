package dev.blockmine.node.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.blockmine.pow.BlockShape;

/**
 * What the next block will be built on: the tip and the transactions pending at that moment, taken together
 * under the chain's lock. A binary job commits to exactly these transactions.
 */
public record NextBlock(SealedBlock tip, List<Transaction> transactions, double earliest) {

    /**
     * @param earliest the earliest timestamp the next block may have (past the median of the blocks before: see
     *                 {@link dev.blockmine.pow.BlockTime}); a block forged on this takes it if the clock is behind it
     */
    public NextBlock {
        transactions = List.copyOf(transactions);
    }

    public NextBlock(SealedBlock tip, List<Transaction> transactions) {
        this(tip, transactions, 0);
    }

    /**
     * The tip and the longest run of the oldest pending transactions that fits in a block beside its reward and
     * header ({@link BlockShape#RESERVED_BYTES}): whatever a miner proves on it, the block is within the chain's limit.
     * The rest waits for the blocks after.
     */
    public static NextBlock fitting(SealedBlock tip, List<Transaction> pending, double earliest) {
        int room = BlockShape.MAX_BLOCK_BYTES - BlockShape.RESERVED_BYTES;
        int taken = 0;
        for (Transaction transaction : pending) {
            room -= transaction.canonicalJson().length() + 2; // ", " between transactions
            if (room < 0) {
                break;
            }
            taken++;
        }
        return new NextBlock(tip, pending.subList(0, taken), earliest);
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
        double time = Math.max(Block.pythonTime(clock), earliest); // never walks time back, whatever the clock does
        return SealedBlock.of(new Block(index(), time, withReward, proof, tip.hash(), provenBy));
    }
}
