package dev.blockmine.pow.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;

import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.SharedFiles;
import tools.jackson.databind.JsonNode;

/** {@code shared/vectors/binary-mining.json}: frames and solutions made with CPython's struct and hashlib. */
public final class BinaryVectors {

    private BinaryVectors() {
    }

    public static JsonNode root() {
        try {
            return CanonicalJson.parse(Files.readString(SharedFiles.path("vectors/binary-mining.json"))).get("vectors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] data() {
        return HexFormat.of().parseHex(root().get("data_hex").stringValue());
    }

    public static byte[] frame(String type) {
        return HexFormat.of().parseHex(root().get("frames").get(type).stringValue());
    }
}
