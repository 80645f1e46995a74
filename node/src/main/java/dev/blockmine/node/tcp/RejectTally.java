package dev.blockmine.node.tcp;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.mining.Verdict;

/**
 * One connection's record of its S frames, as ckpool keeps one per client: a miner checks its nonce before sending
 * it, so nearly every R means a connection that sends nonces it never checked (a flood, or a broken miner). Once it
 * has had {@code penaltyAfter} R and they are more than {@code maxRejectedPercent} of its S, it is cut off. A valid
 * nonce that came too late (I) is an honest miner's bad luck, not held against it. Used by the reader thread only.
 */
final class RejectTally {

    private final int penaltyAfter;
    private final int maxRejectedPercent;
    private long judged;
    private long rejected;

    RejectTally(NodeProperties.Tcp.Solutions limits) {
        this.penaltyAfter = limits.penaltyAfter();
        this.maxRejectedPercent = limits.maxRejectedPercent();
    }

    /** @return true when this verdict puts the connection over the line */
    boolean record(Verdict verdict) {
        judged++;
        if (!(verdict instanceof Verdict.Invalid)) {
            return false;
        }
        rejected++;
        return penaltyAfter > 0 && rejected >= penaltyAfter && rejected * 100 > judged * maxRejectedPercent;
    }

    @Override
    public String toString() {
        return rejected + " of " + judged + " S rejected";
    }
}
