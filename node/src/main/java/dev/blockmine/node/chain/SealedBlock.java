package dev.blockmine.node.chain;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * A block in the chain with its block string and hash, computed once: blocks never change, and every
 * proof check and every response needs them.
 */
public record SealedBlock(Block block, String blockString, String hash) {

    public static SealedBlock of(Block block) {
        String blockString = CanonicalJson.encode(block.toJson());
        return new SealedBlock(block, blockString, ProofRule.sha256Hex(blockString));
    }

    /**
     * A block received as JSON, sealed only if its block string is exactly the canonical form of what was received
     * (so the hash the sender linked to is the hash we compute).
     *
     * @throws IllegalArgumentException when the JSON is not a block this node can represent exactly
     */
    public static SealedBlock fromJson(JsonNode json) {
        SealedBlock sealed = of(Block.fromJson(json));
        if (!sealed.blockString().equals(CanonicalJson.encode(json))) {
            throw new IllegalArgumentException("block " + json.path("index") + " does not round-trip exactly");
        }
        return sealed;
    }

    public long index() {
        return block.index();
    }

    /** Which front-end's rule proved this block: "http" or "tcp" (the binary protocol). */
    public String protocol() {
        return block.provenBy() instanceof ProvenBy.Binary ? "tcp" : "http";
    }
}
