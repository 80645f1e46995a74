package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

class ProofRuleVectorsTest {

    static Stream<Arguments> vectors() {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode v : Vectors.list("proofs.json")) {
            all.add(Arguments.of(v.get("block_string").stringValue(), v.get("proof").bigIntegerValue(),
                    v.get("sha256").stringValue(), v.get("valid6").booleanValue()));
        }
        assertThat(all).anyMatch(a -> (boolean) a.get()[3]).anyMatch(a -> !(boolean) a.get()[3]);
        return all.stream();
    }

    @ParameterizedTest(name = "proof {1} -> {2}")
    @MethodSource("vectors")
    void hashesAndJudgesAsPythonDoes(String blockString, BigInteger proof, String sha256, boolean valid6) {
        assertThat(ProofRule.hexDigest(blockString, proof)).isEqualTo(sha256);
        assertThat(ProofRule.COURSE.isValid(blockString, proof)).isEqualTo(valid6);
        assertThat(new ProofRule(0).isValid(blockString, proof)).isTrue();
    }

    @Test
    void countsZerosInHexDigitsAndBits() {
        byte[] digest = new byte[32];
        digest[2] = 0x0f; // hex 00000f...: five hex zeros, 20 zero bits
        digest[3] = (byte) 0xff;
        assertThat(new ProofRule(5).meets(digest)).isTrue();
        assertThat(new ProofRule(6).meets(digest)).isFalse();
        assertThat(ProofRule.hasLeadingZeroBits(digest, 20)).isTrue();
        assertThat(ProofRule.hasLeadingZeroBits(digest, 21)).isFalse();
    }
}
