package dev.blockmine.pow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

/** The CPython-made vectors and reference clients in {@code ../shared}, beside the repository. */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path path(String relative) {
        String dir = System.getProperty("shared.dir", "../../shared");
        Path file = Path.of(dir).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing " + file + ": the shared/ folder must sit beside the repository"
                    + " (set -Dshared.dir=... to point elsewhere)");
        }
        return file;
    }

    /** The {@code vectors} array of a vector file. */
    public static Iterable<JsonNode> vectors(String file) {
        try {
            JsonNode root = CanonicalJson.parse(Files.readString(path("vectors/" + file)));
            JsonNode vectors = root.get("vectors");
            if (vectors == null || vectors.isEmpty()) {
                throw new IllegalStateException(file + " holds no vectors");
            }
            return vectors.values();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
