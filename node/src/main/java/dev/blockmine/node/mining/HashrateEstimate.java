package dev.blockmine.node.mining;

import java.util.List;

import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.ProofRule;

/**
 * The network's hashrate as the chain reveals it: a block at {@code d} hex zeros takes 16^d tries on average,
 * so recent blocks over the time they took give tries per second.
 */
public final class HashrateEstimate {

    private HashrateEstimate() {
    }

    /** @param recent consecutive blocks, oldest first; fewer than two give 0 */
    public static double triesPerSecond(List<SealedBlock> recent, ProofRule rule) {
        if (recent.size() < 2) {
            return 0;
        }
        double seconds = recent.getLast().block().timestamp() - recent.getFirst().block().timestamp();
        double triesPerBlock = Math.pow(16, rule.hexZeros());
        return seconds > 0 ? triesPerBlock * (recent.size() - 1) / seconds : 0;
    }
}
