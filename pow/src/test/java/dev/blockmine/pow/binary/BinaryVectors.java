package dev.blockmine.pow.binary;

import java.util.HexFormat;

import dev.blockmine.pow.Vectors;
import tools.jackson.databind.JsonNode;

/** {@code vectors/binary-mining.json}: frames and solutions made with CPython's struct and hashlib. */
public final class BinaryVectors {

    private BinaryVectors() {
    }

    public static JsonNode root() {
        return Vectors.document("binary-mining.json").get("vectors");
    }

    public static byte[] data() {
        return HexFormat.of().parseHex(root().get("data_hex").stringValue());
    }

    public static byte[] frame(String type) {
        return HexFormat.of().parseHex(root().get("frames").get(type).stringValue());
    }
}
