package dev.blockmine.node.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.ProofRule;

/**
 * Every counter is registered when the metrics are made, and counting only increments it: the meters the registry
 * holds at start are the ones a flood of S frames and posts moves, and no new one appears.
 */
class MiningMetricsTest {

    @Test
    void countersAreRegisteredOnceAtStartAndIncrementedAfterwards() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Chain chain = new Chain(Clock.systemUTC(), 10);
        MiningMetrics metrics = new MiningMetrics(registry, chain, new ProofRule(0), new MinerActivity(Clock.systemUTC()));
        List<Meter> atStart = List.copyOf(registry.getMeters());
        Counter tcpStale = submissions(registry, "tcp", "stale");
        Counter tcpInvalid = submissions(registry, "tcp", "invalid");
        Counter httpDuplicate = submissions(registry, "http", "duplicate");
        Counter httpBadRequest = submissions(registry, "http", "bad_request");
        assertThat(tcpStale.count()).isZero();

        for (int i = 0; i < 1000; i++) {
            metrics.record(new Verdict.Stale(i));
            metrics.record(new Verdict.Invalid(i));
            metrics.record(new Submission.Stale(1, true));
            metrics.recordBadRequest();
        }

        assertThat(tcpStale.count()).isEqualTo(1000);
        assertThat(tcpInvalid.count()).isEqualTo(1000);
        assertThat(httpDuplicate.count()).isEqualTo(1000);
        assertThat(httpBadRequest.count()).isEqualTo(1000);
        assertThat(submissions(registry, "http", "stale").count()).isZero();
        assertThat(registry.getMeters()).containsExactlyInAnyOrderElementsOf(atStart);
    }

    @Test
    void aForgedBlockCountsUnderItsProtocol() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Chain chain = new Chain(Clock.systemUTC(), 10);
        new MiningMetrics(registry, chain, new ProofRule(0), new MinerActivity(Clock.systemUTC()));
        Counter http = registry.get("blockmine.blocks.forged").tag("protocol", "http").counter();

        Forging.forge(chain, BigInteger.ZERO, "ana"); // difficulty 0: any proof is valid

        await().until(() -> http.count() == 1); // counted on the background turn
        assertThat(registry.get("blockmine.blocks.forged").tag("protocol", "tcp").counter().count()).isZero();
    }

    private static Counter submissions(SimpleMeterRegistry registry, String protocol, String outcome) {
        return registry.get("blockmine.submissions").tag("protocol", protocol).tag("outcome", outcome).counter();
    }
}
