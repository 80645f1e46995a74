package dev.blockmine.node.mining;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.ChainEvent;
import dev.blockmine.node.chain.ChainListeners;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.pow.ProofRule;

/**
 * The node's own metrics (served at /actuator/prometheus): blocks forged, submissions by outcome, block
 * interval, chain height, difficulty, active miners and the network hashrate the chain reveals.
 */
public final class MiningMetrics {

    /** Blocks over which the hashrate is estimated. */
    static final int HASHRATE_WINDOW = 20;

    private final MeterRegistry registry;
    private final Chain chain;
    private final Timer blockInterval;

    public MiningMetrics(MeterRegistry registry, Chain chain, ProofRule rule, MinerActivity activity) {
        this.registry = registry;
        this.chain = chain;
        this.blockInterval = Timer.builder("blockmine.block.interval").description("Time between consecutive blocks")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("blockmine.chain.height", chain, c -> c.tip().index()).description("Index of the last block").register(registry);
        Gauge.builder("blockmine.difficulty.hex.zeros", rule, ProofRule::hexZeros).description("Hex zeros a proof needs (HTTP rule)")
                .register(registry);
        Gauge.builder("blockmine.miners.active", activity, MinerActivity::active)
                .description("Distinct HTTP clients that polled or posted in the last minute").register(registry);
        Gauge.builder("blockmine.network.hashrate", chain, c -> HashrateEstimate.triesPerSecond(c.lastBlocks(HASHRATE_WINDOW), rule))
                .description("Tries per second implied by recent block times").baseUnit("hashes/s").register(registry);
        for (String outcome : new String[] {"accepted", "invalid", "stale", "duplicate", "bad_request"}) {
            submissions(outcome); // present at 0 from the start, so rates are defined
        }
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> {
            if (event instanceof ChainEvent.BlockAppended appended) {
                forged(appended.block());
            }
        });
    }

    /** Counts what a {@code POST /mine} came to. */
    public void record(Submission submission) {
        submissions(switch (submission) {
            case Submission.Forged forged -> "accepted";
            case Submission.Stale stale -> stale.repeat() ? "duplicate" : "stale";
            case Submission.Invalid invalid -> "invalid";
        }).increment();
    }

    public void recordBadRequest() {
        submissions("bad_request").increment();
    }

    /** Counts what an {@code S} frame came to. */
    public void record(Verdict verdict) {
        Counter.builder("blockmine.submissions").tag("protocol", "tcp").tag("outcome", switch (verdict) {
            case Verdict.Forged forged -> "accepted";
            case Verdict.Stale stale -> "stale";
            case Verdict.Invalid invalid -> "invalid";
        }).description("Proof submissions by outcome").register(registry).increment();
    }

    private void forged(SealedBlock block) {
        Counter.builder("blockmine.blocks.forged").tag("protocol", block.protocol()).description("Blocks appended")
                .register(registry).increment();
        // a peer's clock may be behind ours: its block can carry an earlier time than the block before it
        chain.block(block.index() - 1).ifPresent(previous -> blockInterval.record(Duration.ofNanos(
                Math.round(Math.max(0, block.block().timestamp() - previous.block().timestamp()) * 1e9))));
    }

    private Counter submissions(String outcome) {
        return Counter.builder("blockmine.submissions").tag("protocol", "http").tag("outcome", outcome)
                .description("Proof submissions by outcome").register(registry);
    }
}
