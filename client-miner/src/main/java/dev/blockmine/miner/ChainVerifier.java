package dev.blockmine.miner;

import java.util.List;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ChainCheck;
import dev.blockmine.pow.ProofRule;
import tools.jackson.databind.JsonNode;

/**
 * The miner's own copy of the chain's validity: the whole chain is checked once (GET /chain), then each new
 * last block only as the successor of the one already checked; anything else (a gap, a fork, a reset node)
 * sends it back to checking the whole chain.
 */
final class ChainVerifier {

    /** The node's chain does not validate: mining on it would be wasted work. */
    static final class InvalidChain extends Exception {
        InvalidChain(String message) {
            super(message, null, false, false);
        }
    }

    private final NodeClient node;
    private final ProofRule rule;
    private JsonNode verifiedTip;

    ChainVerifier(NodeClient node, ProofRule rule) {
        this.node = node;
        this.rule = rule;
    }

    /** Checks that {@code lastBlock} ends a valid chain, fetching the chain when it cannot tell from what it has. */
    void check(JsonNode lastBlock) throws InvalidChain, NodeException {
        if (verifiedTip != null) {
            if (verifiedTip.equals(lastBlock)) {
                return;
            }
            if (lastBlock.path("index").longValue() == verifiedTip.path("index").longValue() + 1
                    && ChainCheck.link(verifiedTip, lastBlock, rule).isEmpty()) {
                verifiedTip = lastBlock;
                return;
            }
        }
        List<JsonNode> chain = node.chain();
        List<String> problems = ChainCheck.problems(chain, rule);
        if (!problems.isEmpty()) {
            verifiedTip = null;
            throw new InvalidChain("the node's chain of " + chain.size() + " blocks does not validate: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : ""));
        }
        if (!CanonicalJson.encode(chain.getLast()).equals(CanonicalJson.encode(lastBlock))) {
            // the chain moved on between the two requests: its tip is verified, the block we were given is not yet
            verifiedTip = chain.getLast();
            check(lastBlock);
            return;
        }
        verifiedTip = lastBlock;
    }
}
