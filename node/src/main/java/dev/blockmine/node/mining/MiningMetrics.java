package dev.blockmine.node.mining;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private final Chain chain;
    private final Timer blockInterval;
    // every counter registered once, at start: an S frame or a POST /mine only increments (the tag sets are these few)
    private final Map<String, Counter> httpSubmissions;
    private final Map<String, Counter> tcpSubmissions;
    private final Map<String, Counter> forgedBlocks;

    public MiningMetrics(MeterRegistry registry, Chain chain, ProofRule rule, MinerActivity activity) {
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
        // present at 0 from the start, so rates are defined
        this.httpSubmissions = submissions(registry, "http", "accepted", "invalid", "stale", "duplicate", "bad_request");
        this.tcpSubmissions = submissions(registry, "tcp", "accepted", "invalid", "stale");
        this.forgedBlocks = Stream.of("http", "tcp").collect(Collectors.toUnmodifiableMap(protocol -> protocol,
                protocol -> Counter.builder("blockmine.blocks.forged").tag("protocol", protocol)
                        .description("Blocks appended").register(registry)));
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> {
            if (event instanceof ChainEvent.BlockAppended appended) {
                forged(appended.block());
            }
        });
    }

    /** Counts what a {@code POST /mine} came to. */
    public void record(Submission submission) {
        httpSubmissions.get(switch (submission) {
            case Submission.Forged forged -> "accepted";
            case Submission.Stale stale -> stale.repeat() ? "duplicate" : "stale";
            case Submission.Invalid invalid -> "invalid";
        }).increment();
    }

    public void recordBadRequest() {
        httpSubmissions.get("bad_request").increment();
    }

    /** Counts what an {@code S} frame came to. */
    public void record(Verdict verdict) {
        tcpSubmissions.get(switch (verdict) {
            case Verdict.Forged forged -> "accepted";
            case Verdict.Stale stale -> "stale";
            case Verdict.Invalid invalid -> "invalid";
        }).increment();
    }

    private void forged(SealedBlock block) {
        forgedBlocks.get(block.protocol()).increment();
        // a peer's clock may be behind ours: its block can carry an earlier time than the block before it
        chain.block(block.index() - 1).ifPresent(previous -> blockInterval.record(Duration.ofNanos(
                Math.round(Math.max(0, block.block().timestamp() - previous.block().timestamp()) * 1e9))));
    }

    /** One protocol's submission counters, by outcome. */
    private static Map<String, Counter> submissions(MeterRegistry registry, String protocol, String... outcomes) {
        return Stream.of(outcomes).collect(Collectors.toUnmodifiableMap(outcome -> outcome,
                outcome -> Counter.builder("blockmine.submissions").tag("protocol", protocol).tag("outcome", outcome)
                        .description("Proof submissions by outcome").register(registry)));
    }
}
