package dev.blockmine.pow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON encoder of the project: byte-for-byte Python {@code json.dumps(value, sort_keys=True)}
 * (separators {@code ", "} and {@code ": "}, keys in code-point order, ASCII only with lowercase
 * {@code \\uXXXX} escapes, Python's float repr, integers of any size).
 *
 * <p>Parsing goes through {@link #parse} so node and miner read numbers exactly as Python's {@code json.loads}
 * does: integers stay exact, anything with a fraction or exponent becomes a double.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Python compares str keys by code point; Java's String order is by UTF-16 unit, which differs above U+FFFF. */
    public static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The mapper whose number handling matches Python's {@code json.loads}. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON document. */
    public static JsonNode parse(String json) throws JacksonException {
        return MAPPER.readTree(json);
    }

    /** Parses one JSON document from UTF-8 bytes. */
    public static JsonNode parse(byte[] json) throws JacksonException {
        return MAPPER.readTree(json);
    }

    /** {@code json.dumps(value, sort_keys=True)}. */
    public static String encode(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The encoding as bytes; it is pure ASCII, so these are also its UTF-8 bytes. */
    public static byte[] encodeToBytes(JsonNode value) {
        return encode(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node.values()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.stringValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
        entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            if (node.isBigInteger()) {
                out.append(node.bigIntegerValue());
            } else {
                out.append(node.longValue());
            }
            return;
        }
        double d = node.doubleValue();
        if (Double.isNaN(d)) {
            out.append("NaN");
        } else if (Double.isInfinite(d)) {
            out.append(d > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(PythonFloat.repr(d));
        }
    }

    /** A string as a JSON literal, escaped as Python does: safe to put in a log line. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        writeString(s, out);
        return out.toString();
    }

    /** Python's {@code py_encode_basestring_ascii}. */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else { // UTF-16 units: characters above U+FFFF come out as surrogate pairs, as in Python
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
