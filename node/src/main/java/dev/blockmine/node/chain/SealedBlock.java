package dev.blockmine.node.chain;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * A block in the chain with its block string and hash, computed once: blocks never change, and every
 * proof check and every response needs them.
 */
public record SealedBlock(Block block, String blockString, String hash) {

    public static SealedBlock of(Block block) {
        String blockString = CanonicalJson.encode(block.toJson());
        return new SealedBlock(block, blockString, ProofRule.sha256Hex(blockString));
    }

    public long index() {
        return block.index();
    }

    /** Which front-end's rule proved this block. */
    public String protocol() {
        return "http";
    }
}
