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
        verifiedTip = chain.getLast();
        long at = lastBlock.path("index").longValue() - 1;
        if (at >= 0 && at < chain.size()
                && CanonicalJson.encode(chain.get((int) at)).equals(CanonicalJson.encode(lastBlock))) {
            return; // on the chain just verified: its tip, or an earlier block from a replica a moment behind
        }
        if (at == chain.size() && ChainCheck.link(verifiedTip, lastBlock, rule).isEmpty()) {
            verifiedTip = lastBlock; // the chain moved on between the two requests, by this block
            return;
        }
        throw new InvalidChain("block " + lastBlock.path("index") + " is not on the node's chain of " + chain.size()
                + " blocks (the node changed its chain between two requests, or a replica behind it disagrees)");
    }
}
