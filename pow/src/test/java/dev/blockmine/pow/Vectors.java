package dev.blockmine.pow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

/**
 * The CPython-made test vectors, on the test classpath ({@code pow/src/test/resources/vectors}): made and checked by
 * {@code interop/make_vectors.py}, and {@link VectorsMatchCPythonTest} proves CPython still makes them as committed.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The whole document of a vector file, e.g. {@code "proofs.json"}. */
    public static JsonNode document(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no vectors/" + file + " on the test classpath");
            }
            return CanonicalJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code vectors} array of a vector file. */
    public static Iterable<JsonNode> list(String file) {
        JsonNode vectors = document(file).get("vectors");
        if (vectors == null || vectors.isEmpty()) {
            throw new IllegalStateException(file + " holds no vectors");
        }
        return vectors.values();
    }
}
