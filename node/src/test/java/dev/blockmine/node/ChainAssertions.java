package dev.blockmine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ChainCheck;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/** The chain invariants, checked on the blocks exactly as served. */
public final class ChainAssertions {

    private ChainAssertions() {
    }

    public static void assertValid(Chain chain, ProofRule rule) {
        assertValid(chain, rule, rule.hexZeros() * 4);
    }

    /** A chain that may hold binary blocks mined at {@code minZeroBits} or more. */
    public static void assertValid(Chain chain, ProofRule rule, int minZeroBits) {
        List<JsonNode> served = chain.blocks().stream().map(b -> CanonicalJson.parse(b.blockString())).toList();
        assertThat(ChainCheck.problems(served, rule, minZeroBits)).isEmpty();
        for (SealedBlock block : chain.blocks()) {
            assertThat(CanonicalJson.encode(CanonicalJson.parse(block.blockString()))).isEqualTo(block.blockString());
        }
    }

    public static void assertValid(JsonNode chainResponse, ProofRule rule) {
        assertValid(chainResponse, rule, rule.hexZeros() * 4);
    }

    public static void assertValid(JsonNode chainResponse, ProofRule rule, int minZeroBits) {
        List<JsonNode> blocks = chainResponse.get("chain").values().stream().toList();
        assertThat(chainResponse.get("length").intValue()).isEqualTo(blocks.size());
        assertThat(ChainCheck.problems(blocks, rule, minZeroBits)).isEmpty();
    }
}
