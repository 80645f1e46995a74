package dev.blockmine.node.tcp;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.BinaryRule;

/**
 * The zero-bit target of binary jobs, retargeted so that blocks come at a steady rate: after every {@code window}
 * blocks, the target moves by log2(target time / actual time) bits (one bit doubles the work), at most
 * {@code maxStep} bits at a time and within [min, max]. With no target time it stays where it started.
 * <p>
 * It hears of every new tip before the job board does (its turn is the chain's first), so the job opened for the
 * next block already carries the new target.
 */
public final class BinaryDifficulty {

    private static final Logger log = LoggerFactory.getLogger(BinaryDifficulty.class);

    /**
     * How the target moves: after every {@code window} blocks, toward the block time {@code target}, by at most
     * {@code maxStep} bits and within [{@code minBits}, {@code maxBits}]. A zero target never moves.
     */
    public record Retarget(Duration target, int window, int minBits, int maxBits, int maxStep) {

        /** A target that never moves. */
        static final Retarget NONE = new Retarget(Duration.ZERO, 1, 0, 255, 1);

        public Retarget {
            if (minBits > maxBits || window < 1 || maxStep < 1) {
                throw new IllegalArgumentException("retargeting needs min <= max bits, a window >= 1 and a step >= 1");
            }
        }

        /** The target to start from: {@code initialBits}, within bounds unless the target never moves. */
        int start(int initialBits) {
            return target.isZero() ? initialBits : Math.clamp(initialBits, minBits, maxBits);
        }

        /** The target after a window whose blocks took {@code seconds} each, from {@code zeroBits}. */
        int next(int zeroBits, double seconds) {
            int step = seconds <= 0 ? maxStep : (int) Math.round(Math.log(targetSeconds() / seconds) / Math.log(2));
            return Math.clamp(zeroBits + Math.clamp(step, -maxStep, maxStep), minBits, maxBits);
        }

        double targetSeconds() {
            return target.toNanos() / 1e9;
        }
    }

    private final Chain chain;
    private final Retarget retarget;
    private volatile int zeroBits;
    private long blocksSinceRetarget;

    public BinaryDifficulty(Chain chain, int initialBits, Retarget retarget) {
        this.chain = chain;
        this.retarget = retarget;
        this.zeroBits = retarget.start(initialBits);
        if (!retarget.target().isZero()) {
            chain.listen(ChainListeners.Turn.TARGET, change -> {
                switch (change) {
                    case ChainEvent.BlockAppended appended -> appended(appended.block());
                    case ChainEvent.ChainReplaced replaced -> resetWindow();
                }
            });
        }
    }

    /** A target that never moves. */
    public static BinaryDifficulty fixed(Chain chain, int zeroBits) {
        return new BinaryDifficulty(chain, zeroBits, Retarget.NONE);
    }

    /** The rule new jobs are given. */
    public BinaryRule current() {
        return new BinaryRule(zeroBits);
    }

    private synchronized void resetWindow() {
        blocksSinceRetarget = 0;
    }

    private synchronized void appended(SealedBlock block) {
        if (++blocksSinceRetarget < retarget.window()) {
            return;
        }
        blocksSinceRetarget = 0;
        List<SealedBlock> recent = chain.lastBlocks(retarget.window() + 1);
        if (recent.size() < 2) {
            return;
        }
        double seconds = (recent.getLast().block().timestamp() - recent.getFirst().block().timestamp()) / (recent.size() - 1);
        int next = retarget.next(zeroBits, seconds);
        if (next != zeroBits) {
            log.info("Binary target {} -> {} zero bits: the last {} blocks took {} s each, the target is {} s",
                    zeroBits, next, recent.size() - 1, String.format(java.util.Locale.ROOT, "%.2f", seconds),
                    retarget.targetSeconds());
            zeroBits = next;
        }
    }
}
