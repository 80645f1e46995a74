package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.Proofs;
import dev.blockmine.pow.BlockShape;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ChainCheck;
import dev.blockmine.pow.ProofRule;

/** A block forged here is always after the median of the blocks before it, even when the clock steps back. */
class ForgedTimeTest {

    private static final ProofRule RULE = new ProofRule(2);

    @Test
    void aClockThatStepsBackNeverForgesABlockItsPeersRefuse() {
        Instant now = Instant.now();
        Chain chain = new Chain(Clock.fixed(now, ZoneOffset.UTC), 10);
        for (int i = 1; i <= 15; i++) {
            Clock clock = Clock.fixed(now.plusSeconds(i < 8 ? i : -3600), ZoneOffset.UTC); // an hour back after block 8
            BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
            assertThat(Forging.forge(chain, proof, "m", clock)).isPresent();
        }

        assertThat(ChainCheck.problems(chain.blocks().stream().map(b -> CanonicalJson.parse(b.blockString())).toList(),
                new ChainCheck.Walk(RULE, 8, BlockShape.CHAIN))).isEmpty();
        assertThat(chain.tip().timestamp()).isLessThan(now.getEpochSecond() + 8.0);
    }
}
