package dev.blockmine.node;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;

/** Forges the next block straight on a chain, as an HTTP miner's winning proof would (the proof is not checked). */
public final class Forging {

    private Forging() {
    }

    public static Optional<SealedBlock> forge(Chain chain, BigInteger proof, String miner) {
        return forge(chain, proof, miner, Clock.systemUTC());
    }

    /** @param clock the block's timestamp */
    public static Optional<SealedBlock> forge(Chain chain, BigInteger proof, String miner, Clock clock) {
        NextBlock next = chain.nextBlock();
        SealedBlock block = next.forge(proof, miner, ProvenBy.HTTP, clock);
        return chain.appendOn(next, block, Optional.empty()) ? Optional.of(block) : Optional.empty();
    }
}
