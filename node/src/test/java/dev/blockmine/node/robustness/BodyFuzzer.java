package dev.blockmine.node.robustness;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Generates hostile request bodies from a seed: random JSON of every type, deep nesting, huge numbers,
 * NaN/Infinity, duplicated keys, wrong types, invalid UTF-8 and truncations, mostly shaped around the
 * fields an endpoint expects so the checks past the parser are exercised too.
 */
final class BodyFuzzer {

    private final Random random;
    private final String[] fields;

    BodyFuzzer(long seed, String... fields) {
        this.random = new Random(seed);
        this.fields = fields;
    }

    byte[] next() {
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes();
            case 1 -> invalidUtf8(shapedObject());
            case 2 -> truncate(shapedObject());
            case 3 -> randomValue(0).getBytes(StandardCharsets.UTF_8);
            case 4 -> deepNesting().getBytes(StandardCharsets.UTF_8);
            case 5 -> duplicatedKeys().getBytes(StandardCharsets.UTF_8);
            default -> shapedObject().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** An object with the endpoint's fields, each present, missing, null or of a random type. */
    private String shapedObject() {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (String field : fields) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            if (!first) {
                json.append(", ");
            }
            first = false;
            json.append('"').append(field).append("\": ").append(fieldValue());
        }
        if (random.nextInt(4) == 0) {
            json.append(first ? "" : ", ").append("\"extra\": ").append(randomValue(1));
        }
        return json.append('}').toString();
    }

    private String fieldValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> "NaN";
            case 2 -> random.nextBoolean() ? "Infinity" : "-Infinity";
            case 3 -> "1" + "0".repeat(random.nextInt(2000)); // up to and past the number-length limit
            case 4 -> "1e" + (random.nextInt(700) - 350);
            case 5 -> Double.toString(random.nextGaussian() * 1e6);
            case 6 -> new BigInteger(random.nextInt(300) + 1, random).toString();
            case 7, 8 -> Long.toString(random.nextLong() % 100_000_000L);
            default -> randomValue(1);
        };
    }

    private String randomValue(int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> "\"" + randomText() + "\"";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> "-0";
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomValue(depth + 1)).append(i > 1 ? ", " : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append('"').append(randomText()).append("\": ").append(randomValue(depth + 1)).append(i > 1 ? ", " : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    /** JSON string content: escapes, controls, astral characters, lone surrogates escaped. */
    private String randomText() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> s.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 1 -> s.append("\\n\\t\\\"\\\\".substring(random.nextInt(4) * 2).substring(0, 2));
                case 2 -> s.appendCodePoint(0x80 + random.nextInt(0x10000 - 0x80 - 0x800)); // BMP, may hit a raw surrogate
                case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private String deepNesting() {
        int depth = 100 + random.nextInt(2000);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\": ";
        String close = arrays ? "]" : "}";
        return "{\"" + fields[0] + "\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String duplicatedKeys() {
        String field = fields[random.nextInt(fields.length)];
        String object = shapedObject();
        String inner = object.substring(1, object.length() - 1);
        return "{\"" + field + "\": " + fieldValue() + (inner.isEmpty() ? "" : ", " + inner)
                + (random.nextBoolean() ? ", \"" + field + "\": " + fieldValue() : "") + "}";
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 2) {
            bytes[1 + random.nextInt(bytes.length - 2)] = (byte) (0x80 | random.nextInt(0x80)); // stray continuation byte
        }
        return bytes;
    }

    private byte[] truncate(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
}
