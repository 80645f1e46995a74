package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Bitcoin's time rule on a walk: past the median of the previous 11 blocks, at most two hours ahead of the clock. */
class BlockTimeTest {

    private static final ProofRule RULE = new ProofRule(1);

    /** A valid chain whose blocks after the genesis block carry {@code times}. */
    private static List<JsonNode> chain(double... times) {
        List<JsonNode> chain = new ArrayList<>();
        chain.add(CanonicalJson.parse("{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1000.5, "
                + "\"transactions\": []}"));
        for (double time : times) {
            String previous = CanonicalJson.encode(chain.getLast());
            long proof = 0;
            while (!RULE.isValid(previous, BigInteger.valueOf(proof))) {
                proof++;
            }
            chain.add(CanonicalJson.parse("{\"index\": " + (chain.size() + 1) + ", \"previous_hash\": \""
                    + ProofRule.sha256Hex(previous) + "\", \"proof\": " + proof + ", \"timestamp\": " + PythonFloat.repr(time)
                    + ", \"transactions\": [{\"amount\": 1, \"recipient\": \"m\", \"sender\": \"0\"}]}"));
        }
        return chain;
    }

    private static List<String> problems(List<JsonNode> chain, boolean pastOnly) {
        ChainCheck.Walk walk = new ChainCheck.Walk(RULE, 4, BlockShape.CHAIN);
        if (pastOnly) {
            walk.pastOnly();
        }
        return ChainCheck.problems(chain, walk);
    }

    @Test
    void aBlockMayBeEarlierThanItsPredecessorButNotThanTheMedian() {
        // 12 blocks a second apart, then one 3 s before the last: still after the median of the previous 11
        double[] times = new double[13];
        for (int i = 0; i < 12; i++) {
            times[i] = 1001 + i;
        }
        times[12] = 1009;
        assertThat(problems(chain(times), false)).isEmpty();
        times[12] = 1007; // the median of blocks 3..13 (1002..1012) is 1007: not after it
        assertThat(problems(chain(times), false)).singleElement().asString()
                .contains("block #14", "timestamp 1007.0 is not after 1007.0", "median of the previous 11");
    }

    @Test
    void timeCannotBeWalkedBackBlockByBlock() {
        assertThat(problems(chain(1001, 1002, 1001.5, 1000.9), false)).singleElement().asString()
                .contains("block #5", "not after 1001.5");
    }

    @Test
    void twoHoursAheadOfTheClockIsTheLimitExceptForAJournalsOwnPast() {
        double now = System.currentTimeMillis() / 1000.0;
        assertThat(problems(chain(now + 60 * 60), false)).isEmpty();
        assertThat(problems(chain(now + 3 * 60 * 60), false)).singleElement().asString()
                .contains("more than 2 hours ahead");
        assertThat(problems(chain(now + 3 * 60 * 60), true)).isEmpty();
    }

    @Test
    void theEarliestNextTimeIsAMicrosecondPastTheMedian() {
        assertThat(BlockTime.earliestAfter(List.of(5.0, 1.0, 3.0))).isGreaterThan(3.0).isLessThan(3.0000011);
        assertThat(BlockTime.earliestAfter(List.of())).isGreaterThan(0.0);
    }
}
