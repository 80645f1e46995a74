package dev.blockmine.node.tcp;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ProvenBy;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.mining.Verdict;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.binary.Frame;

/**
 * Judges S frames: the first valid nonce of a job goes on to the chain, whose compare-and-append decides between it
 * and any HTTP proof; a valid nonce after that is stale, anything else invalid.
 * <p>
 * Hashing takes a permit of a fair semaphore with fewer permits than cores: S frames arrive on virtual threads, which
 * give up their carrier thread only when they block, so connections pipelining S non-stop would otherwise keep every
 * carrier busy and starve HTTP requests and other miners. Waiting for a permit parks, in arrival order, so an honest
 * miner's S waits behind at most one S per flooding connection.
 */
final class SolutionJudge {

    private static final Logger log = LoggerFactory.getLogger(SolutionJudge.class);

    private final Chain chain;
    private final Semaphore hashing;
    private volatile Consumer<Verdict> outcomes = verdict -> { };

    SolutionJudge(Chain chain, int hashingPermits) {
        this.chain = chain;
        this.hashing = new Semaphore(hashingPermits, true);
    }

    void reportTo(Consumer<Verdict> outcomes) {
        this.outcomes = outcomes;
    }

    Verdict judge(MinerConnection miner, Frame.Solution solution) {
        Verdict verdict = decide(miner, solution);
        outcomes.accept(verdict);
        return verdict;
    }

    private Verdict decide(MinerConnection miner, Frame.Solution solution) {
        Job job = miner.jobs().get(solution.txn());
        if (job == null || !isValid(job, solution.nonce())) {
            return new Verdict.Invalid(solution.txn());
        }
        if (job.isSettled() || !job.claim(miner)) {
            return new Verdict.Stale(solution.txn());
        }
        SealedBlock forged = job.next().forge(BigInteger.valueOf(solution.nonce()), miner.name(),
                new ProvenBy.Binary(job.rule().zeroBits()), Clock.systemUTC());
        boolean appended;
        try {
            appended = chain.appendOn(job.next(), forged, Optional.empty());
        } catch (RuntimeException storeFailed) { // nothing appended (a replica's database is away): the job stays open
            job.releaseClaim(miner);
            throw storeFailed;
        }
        if (!appended) {
            job.releaseClaim(miner); // not the winner: if the job is re-handed before it settles, it is told I
            return new Verdict.Stale(solution.txn()); // an HTTP miner (or an earlier job) got there first
        }
        log.info("Forged block {} for binary miner {} with nonce {} (job {}, {} zero bits)", forged.index(),
                CanonicalJson.quote(miner.name()), solution.nonce(), job.txn(), job.rule().zeroBits());
        return new Verdict.Forged(solution.txn(), forged);
    }

    private boolean isValid(Job job, long nonce) {
        hashing.acquireUninterruptibly();
        try {
            return job.isValid(nonce);
        } finally {
            hashing.release();
        }
    }

    /** The frame that answers a verdict. */
    static Frame answer(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Forged forged -> new Frame.Accepted(forged.txn());
            case Verdict.Stale stale -> new Frame.Invalidated(stale.txn());
            case Verdict.Invalid invalid -> new Frame.Rejected(invalid.txn());
        };
    }
}
