package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blockmine.node.Forging;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.tcp.BinaryDifficulty.Retarget;
import dev.blockmine.pow.ProofRule;

/** Retargeting against a simulated clock: miners of a known hashrate, blocks timed by the work the target asks. */
class BinaryDifficultyTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final ProofRule ANY = new ProofRule(0); // every proof is valid: the test times blocks itself

    private final ManualClock clock = new ManualClock();
    private final Chain chain = new Chain(clock, 10);

    private void forgeAfter(Duration wait) {
        clock.advance(wait);
        SealedBlock tip = chain.tip();
        assertThat(ANY.isValid(tip.blockString(), BigInteger.ONE)).isTrue();
        assertThat(Forging.forge(chain, BigInteger.ONE, "sim", clock)).isPresent();
    }

    @Test
    void blockTimeConvergesOnTheTargetFromFarBelowAndFarAbove() {
        double hashrate = Math.pow(2, 20); // tries per second of the simulated network
        for (int start : new int[] {8, 40}) {
            Chain fresh = new Chain(clock, 10);
            BinaryDifficulty difficulty = new BinaryDifficulty(fresh, start, new Retarget(Duration.ofSeconds(10), 5, 8, 48, 4));
            List<Double> blockTimes = new ArrayList<>();
            for (int block = 0; block < 100; block++) {
                double seconds = Math.pow(2, difficulty.current().zeroBits()) / hashrate; // expected time at this target
                blockTimes.add(seconds);
                clock.advance(Duration.ofNanos((long) (seconds * 1e9)));
                assertThat(Forging.forge(fresh, BigInteger.ONE, "sim", clock)).isPresent();
            }
            // log2(2^20 * 10) = 23.3: the target settles on 23 or 24 bits, blocks within a factor 2 of 10 s
            assertThat(difficulty.current().zeroBits()).as("from %d bits", start).isBetween(23, 24);
            assertThat(blockTimes.subList(80, 100)).allSatisfy(t -> assertThat(t).isBetween(5.0, 20.0));
        }
    }

    @Test
    void movesOnlyAtTheEndOfAWindowAndAtMostOneStep() {
        BinaryDifficulty difficulty = new BinaryDifficulty(chain, 20, new Retarget(Duration.ofSeconds(60), 4, 8, 48, 2));
        for (int i = 0; i < 3; i++) {
            forgeAfter(Duration.ofSeconds(1));
        }
        assertThat(difficulty.current().zeroBits()).as("mid-window").isEqualTo(20);
        forgeAfter(Duration.ofSeconds(1)); // 4 blocks at 1 s against 60 s: log2(60) = 5.9, capped at +2
        assertThat(difficulty.current().zeroBits()).isEqualTo(22);
        for (int i = 0; i < 4; i++) {
            forgeAfter(Duration.ofSeconds(120)); // twice too slow: one bit easier
        }
        assertThat(difficulty.current().zeroBits()).isEqualTo(21);
    }

    @Test
    void staysWithinItsBoundsAndStillWhenNoTargetIsSet() {
        BinaryDifficulty bounded = new BinaryDifficulty(chain, 10, new Retarget(Duration.ofSeconds(1), 1, 9, 11, 4));
        BinaryDifficulty fixed = BinaryDifficulty.fixed(chain, 13);
        for (int i = 0; i < 5; i++) {
            forgeAfter(Duration.ofMillis(1));
        }
        assertThat(bounded.current().zeroBits()).isEqualTo(11);
        for (int i = 0; i < 5; i++) {
            forgeAfter(Duration.ofHours(1));
        }
        assertThat(bounded.current().zeroBits()).isEqualTo(9);
        assertThat(fixed.current().zeroBits()).isEqualTo(13);
    }

    @Test
    void theJobOpenedForTheNextBlockAlreadyCarriesTheNewTarget() {
        BinaryDifficulty difficulty = new BinaryDifficulty(chain, 8, new Retarget(Duration.ofSeconds(60), 1, 1, 30, 4));
        try (JobBoard board = new JobBoard(chain, difficulty, 1 << 20, false)) {
            MinerConnection miner = new MinerConnection(new Socket(), board, TcpNode.settings(8).idleTimeout(Duration.ofSeconds(60)).build(), new Bans(Duration.ZERO));
            assertThat(board.assign(miner).zeroBits()).isEqualTo(8);
            forgeAfter(Duration.ofSeconds(1)); // 60 times too fast: 4 bits more at once
            assertThat(difficulty.current().zeroBits()).isEqualTo(12);
            assertThat(board.assign(miner).zeroBits()).isEqualTo(12);
        }
    }
}
