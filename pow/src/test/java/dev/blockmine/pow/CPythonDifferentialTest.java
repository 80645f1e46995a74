package dev.blockmine.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random documents, judged by CPython itself: each line goes through {@code json.loads} and
 * {@code json.dumps(sort_keys=True)} in a real python3 and must come out as our encoder writes it.
 * Skipped, with the reason shown, where no python3 is on the machine.
 */
class CPythonDifferentialTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper ASCII_WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Test
    void floatsReprAsCPythonDoes() throws Exception {
        Random random = new Random(20261123);
        List<String> lines = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] special = {Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e16, 1e15,
            9999999999999998.0, 1e-4, 1e-5, 0.1, 0.3, 1e22, 1e23, 5e-324, 123456789.98765431, 1.5e300, -2.5, 100.0};
        for (double d : special) {
            values.add(d);
        }
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3; // typical amounts
                default -> 1.7e9 + random.nextInt(100_000_000) / 1e6; // timestamps with microseconds
            };
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }
        for (double d : values) {
            lines.add(Long.toHexString(Double.doubleToRawLongBits(d)));
        }
        List<String> python = cpython("import struct\nfor line in sys.stdin:\n"
                + "    print(repr(struct.unpack('>d', bytes.fromhex(line.strip().zfill(16)))[0]))", lines);
        for (int i = 0; i < values.size(); i++) {
            assertThat(PythonFloat.repr(values.get(i))).as("repr of bits %s", lines.get(i)).isEqualTo(python.get(i));
        }
    }

    @Test
    void documentsDumpAsCPythonDoes() throws Exception {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(ASCII_WRITER.writeValueAsString(randomValue(random, 0)));
        }
        List<String> python = cpython("for line in sys.stdin:\n    print(json.dumps(json.loads(line), sort_keys=True))", lines);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(CanonicalJson.encode(CanonicalJson.parse(lines.get(i)))).as("document %s", lines.get(i))
                    .isEqualTo(python.get(i));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.stringNode(randomString(random));
            case 1 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 2 -> NODES.numberNode(new java.math.BigInteger(random.nextInt(200) + 1, random).negate());
            case 3 -> NODES.numberNode(Double.longBitsToDouble(random.nextLong()) % 1e300);
            case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 5 -> NODES.numberNode(random.nextInt(1000) / 8.0);
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(randomString(random), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Strings mixing ASCII, controls, escapes, BMP characters, astral characters and lone surrogates. */
    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            switch (random.nextInt(7)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append("\"\\/\u007f".charAt(random.nextInt(4)));
                case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 3 -> s.append((char) (0xd800 + random.nextInt(0x800))); // lone surrogate
                case 4 -> s.append((char) (0x80 + random.nextInt(0xff00)));
                default -> s.append((char) (' ' + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    private static List<String> cpython(String program, List<String> input) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", "import sys, json\n" + program)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on this machine: " + e.getMessage());
            throw e;
        }
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (Writer w = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII)) {
                for (String line : input) {
                    w.write(line);
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        feeder.join();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 exit code").isZero();
        assertThat(output).hasSize(input.size());
        return output;
    }
}
