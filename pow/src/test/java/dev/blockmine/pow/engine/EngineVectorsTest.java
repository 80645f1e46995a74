package dev.blockmine.pow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.Vectors;
import dev.blockmine.pow.binary.BinaryVectors;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;
import tools.jackson.databind.JsonNode;

/** The CPython vectors through every engine: MessageDigest, scalar, and the vector width of this JVM. */
class EngineVectorsTest {

    record Engine<T>(String name, IntFunction<T> build) {
    }

    static List<Engine<ProofSearch>> proofEngines() {
        return engines(Engines::proofSearch);
    }

    static List<Engine<NonceSearch>> nonceEngines() {
        return engines(Engines::nonceSearch);
    }

    /** MessageDigest, then every kernel family of this JVM. */
    private static <T> List<Engine<T>> engines(BiFunction<EngineKind, Integer, T> build) {
        List<EngineKind> kinds = new ArrayList<>(List.of(EngineKind.DIGEST));
        kinds.addAll(KernelFamilies.laneKinds());
        return kinds.stream()
                .map(kind -> new Engine<T>(kind.name().toLowerCase(Locale.ROOT), threads -> build.apply(kind, threads)))
                .toList();
    }

    @Test
    void theVectorEngineIsAvailableUnderMaven() {
        // surefire's argLine adds the module; without it only the scalar fallback would be tested
        assertThat(Engines.vectorModuleLoaded()).isTrue();
        int asked = Integer.getInteger(VectorKernels.BITS_PROPERTY, VectorKernels.preferredLanes() * 32);
        assertThat(Engines.vectorLanes()).isEqualTo(asked / 32);
    }

    @Test
    void theSha256CoreReproducesEveryProofVector() {
        for (JsonNode vector : Vectors.list("proofs.json")) {
            String blockString = vector.get("block_string").asString();
            String message = blockString + vector.get("proof").bigIntegerValue();
            byte[] padded = Sha256.padded(message.getBytes(StandardCharsets.UTF_8));
            int[] chain = Sha256.iv();
            Sha256.compressBlocks(chain, padded, padded.length);
            StringBuilder hex = new StringBuilder();
            for (int word : chain) {
                hex.append(String.format("%08x", word));
            }
            assertThat(hex.toString()).isEqualTo(vector.get("sha256").asString());
            // the pre-filter agrees with the rule on every vector, valid or not
            boolean mayMeet = (chain[0] & ProofRule.firstWordMask(24)) == 0;
            assertThat(mayMeet).isEqualTo(vector.get("valid6").asBoolean());
        }
    }

    @Test
    void everyEngineFindsAValidProofForEveryVectorBlockString() {
        Set<String> blockStrings = new LinkedHashSet<>();
        for (JsonNode vector : Vectors.list("proofs.json")) {
            blockStrings.add(vector.get("block_string").asString());
        }
        ProofRule rule = new ProofRule(4);
        for (String blockString : blockStrings) {
            Long laneAnswer = null;
            for (Engine<ProofSearch> engine : proofEngines()) {
                try (ProofSearch search = engine.build().apply(1)) {
                    OptionalLong proof = search.search(blockString, rule, new SearchControl());
                    assertThat(proof).as(engine.name()).isPresent();
                    assertThat(rule.isValid(blockString, BigInteger.valueOf(proof.getAsLong()))).isTrue();
                    if (!engine.name().equals("digest")) {
                        // the lane engines try the same proofs in the same order: one thread finds the same first one
                        if (laneAnswer == null) {
                            laneAnswer = proof.getAsLong();
                        }
                        assertThat(proof.getAsLong()).as(engine.name()).isEqualTo(laneAnswer);
                    }
                }
            }
        }
    }

    @Test
    void everyEngineFindsTheFirstNonceOfEveryBinarySolution() {
        JsonNode vectors = BinaryVectors.root();
        byte[] data = HexFormat.of().parseHex(vectors.get("data_hex").asString());
        for (JsonNode solution : vectors.get("solutions")) {
            int zeroBits = solution.get("zero_bits").asInt();
            long first = solution.get("first_nonce").asLong();
            assertThat(HexFormat.of().formatHex(BinaryRule.digest(data, first))).isEqualTo(solution.get("sha256").asString());
            for (Engine<NonceSearch> engine : nonceEngines()) {
                try (NonceSearch search = engine.build().apply(1)) {
                    // no nonce below `first` is valid, so a search that starts below it finds it (starting at most
                    // 40,000 below keeps the scalar engines quick)
                    long from = Math.max(0, first - 40_000);
                    assertThat(search.search(data, zeroBits, from, 1L << 32, new SearchControl()))
                            .as("%s, %d bits", engine.name(), zeroBits).hasValue(first);
                    // a range that starts just after it, or ends just before it, does not report it
                    OptionalLong after = search.search(data, zeroBits, first + 1, 5, new SearchControl());
                    assertThat(after.isEmpty() || after.getAsLong() > first).isTrue();
                    assertThat(search.search(data, zeroBits, first - 7, 7, new SearchControl())).isEmpty();
                    assertThat(search.search(data, zeroBits, first - 7, 8, new SearchControl())).hasValue(first);
                }
            }
        }
    }

    @Test
    void nonceRangesWrapAroundTwoToTheThirtyTwo() {
        byte[] data = HexFormat.of().parseHex(BinaryVectors.root().get("data_hex").asString());
        long from = 0xffff_fff9L;
        Long expected = null;
        for (Engine<NonceSearch> engine : nonceEngines()) {
            try (NonceSearch search = engine.build().apply(1)) {
                OptionalLong nonce = search.search(data, 8, from, 1L << 32, new SearchControl());
                assertThat(nonce).as(engine.name()).isPresent();
                assertThat(new BinaryRule(8).isValid(data, nonce.getAsLong())).isTrue();
                if (expected == null) {
                    expected = nonce.getAsLong();
                }
                assertThat(nonce.getAsLong()).as(engine.name()).isEqualTo(expected);
            }
        }
    }
}
