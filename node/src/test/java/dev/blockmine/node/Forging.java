package dev.blockmine.node;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;

import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.chain.Transaction;
import dev.blockmine.pow.ProofRule;

/** Forges the next block straight on a chain, as an HTTP miner's winning proof would (the proof is not checked). */
public final class Forging {

    private Forging() {
    }

    public static Optional<SealedBlock> forge(Chain chain, BigInteger proof, String miner) {
        return forge(chain, proof, miner, Clock.systemUTC());
    }

    /**
     * A chain on {@code store} (with what it already holds) and {@code forged} more blocks, each holding a transaction
     * whose recipient needs escaping, each with a proof valid under {@code rule}: what the store tests write and read back.
     */
    public static Chain chainWithBlocks(BlockStore store, int forged, ProofRule rule) {
        Chain chain = new Chain(Clock.systemUTC(), 10, store, store.load());
        for (int i = 0; i < forged; i++) {
            chain.addTransaction(new Transaction("ana", "bob\n\u00e9", 2.5));
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), rule, 0);
            if (forge(chain, proof, "m" + i).isEmpty()) {
                throw new AssertionError("block " + (chain.tip().index() + 1) + " was not appended");
            }
        }
        return chain;
    }

    /** @param clock the block's timestamp */
    public static Optional<SealedBlock> forge(Chain chain, BigInteger proof, String miner, Clock clock) {
        NextBlock next = chain.nextBlock();
        SealedBlock block = next.forge(proof, miner, ProvenBy.HTTP, clock);
        return chain.appendOn(next, block, Optional.empty()) ? Optional.of(block) : Optional.empty();
    }
}
