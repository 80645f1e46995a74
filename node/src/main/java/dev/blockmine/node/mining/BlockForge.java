package dev.blockmine.node.mining;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Block;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.NextBlock;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * Judges proofs and forges blocks: the first valid proof for the tip wins, every later one is stale.
 * The hash is checked and the block built outside the chain's lock, so concurrent submitters only contend for
 * the append itself.
 */
public final class BlockForge {

    /** How far back a proof is recognised as stale (409) rather than invalid (400). */
    static final int STALE_WINDOW = 8;

    private static final Logger log = LoggerFactory.getLogger(BlockForge.class);

    private final Chain chain;
    private final ProofRule rule;
    private final Clock clock;

    public BlockForge(Chain chain, ProofRule rule, Clock clock) {
        this.chain = chain;
        this.rule = rule;
        this.clock = clock;
    }

    public ProofRule rule() {
        return rule;
    }

    /**
     * Judges {@code proof} on the tip. A replica sharing its store with others may be behind for the moment a new
     * block's notification takes: a proof that fits no block here is judged again after catching up from the store.
     */
    public Submission submit(BigInteger proof, String minerId) {
        Submission submission = judge(proof, minerId);
        if (submission instanceof Submission.Invalid(long judgedOn)) {
            chain.catchUp();
            return chain.tip().index() != judgedOn ? judge(proof, minerId) : submission;
        }
        return submission;
    }

    private Submission judge(BigInteger proof, String minerId) {
        SealedBlock tip = chain.tip();
        if (rule.isValid(tip.blockString(), proof)) {
            NextBlock next = chain.nextBlock(); // read only for a valid proof: most are not
            if (next.tip() == tip) {
                SealedBlock forged = next.forge(proof, minerId, ProvenBy.HTTP, clock);
                if (chain.appendOn(next, forged, Optional.empty())) {
                    logForged(forged, tip);
                    return new Submission.Forged(forged);
                }
            }
            return stale(tip.index() + 1, proof);
        }
        for (SealedBlock earlier : chain.before(tip, STALE_WINDOW)) {
            if (rule.isValid(earlier.blockString(), proof)) {
                return stale(earlier.index() + 1, proof);
            }
        }
        return new Submission.Invalid(tip.index());
    }

    private Submission stale(long forgedIndex, BigInteger proof) {
        boolean repeat = chain.block(forgedIndex).map(b -> b.block().proof().equals(proof)).orElse(false);
        return new Submission.Stale(forgedIndex, repeat);
    }

    private static void logForged(SealedBlock sealed, SealedBlock previous) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Block block = sealed.block();
        double seconds = block.timestamp() - previous.block().timestamp();
        String miner = block.transactions().getLast().recipient();
        log.info("Forged block {} for miner {} with proof {} ({} s after block {})", sealed.index(),
                CanonicalJson.quote(miner), block.proof(), String.format(Locale.ROOT, "%.3f", seconds), previous.index());
    }
}
