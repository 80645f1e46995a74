package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/** Every vector CPython made: parse what a server might serve, encode, compare with json.dumps(sort_keys=True). */
class CanonicalJsonVectorsTest {

    static Stream<Arguments> vectors() {
        List<Arguments> all = new ArrayList<>();
        int i = 0;
        for (JsonNode v : Vectors.list("canonical-json.json")) {
            String served = v.get("served").stringValue();
            all.add(Arguments.of(Named.of("#" + i++ + " " + abbreviate(served), served), v.get("block_string").stringValue()));
        }
        assertThat(all).hasSizeGreaterThan(10);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesAsPythonDoes(String served, String blockString) {
        assertThat(CanonicalJson.encode(CanonicalJson.parse(served))).isEqualTo(blockString);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void blockStringIsAFixedPoint(String served, String blockString) {
        assertThat(CanonicalJson.encode(CanonicalJson.parse(blockString))).isEqualTo(blockString);
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }
}
