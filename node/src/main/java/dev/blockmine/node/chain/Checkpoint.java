package dev.blockmine.node.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a durable node knew after one block of its journal ({@code checkpoint.json} beside it): the block's index and
 * hash, and each {@link DerivedState}'s state then. At start the journal's blocks up to it are taken on their hash
 * links (it vouches that they were validated when they were appended), only the blocks after it are validated, and
 * the derived state is taken up from it: a restart costs what is new, not the whole chain.
 *
 * @param height the index of the block it was taken after; 0 for none
 */
public record Checkpoint(long height, String hash, Map<String, JsonNode> states) {

    public static final Checkpoint NONE = new Checkpoint(0, "", Map.of());
    static final String FILE = "checkpoint.json";

    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);

    public Checkpoint {
        states = Map.copyOf(states);
    }

    /** The state {@code name} saved, if the checkpoint holds it and {@code chain} still holds the block it was taken after. */
    public Optional<JsonNode> state(String name, List<SealedBlock> chain) {
        return vouchesFor(chain) ? Optional.ofNullable(states.get(name)) : Optional.empty();
    }

    /** Whether {@code chain} holds the block this was taken after. */
    public boolean vouchesFor(List<SealedBlock> chain) {
        return height > 0 && height <= chain.size() && chain.get((int) height - 1).hash().equals(hash);
    }

    /** The checkpoint in {@code dir}, or {@link #NONE} (none, or unreadable: then the whole chain is validated). */
    static Checkpoint load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            JsonNode json = CanonicalJson.parse(Files.readString(file, StandardCharsets.US_ASCII));
            Map<String, JsonNode> states = new LinkedHashMap<>();
            json.get("states").properties().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
            return new Checkpoint(json.get("height").longValue(), json.get("hash").stringValue(), states);
        } catch (IOException | RuntimeException e) { // unreadable JSON, or not a checkpoint
            log.warn("Ignoring the unreadable checkpoint {} (the whole journal is validated instead): {}", file, e.toString());
            return NONE;
        }
    }

    /** Writes it to {@code dir} atomically: a new file, forced to disk, renamed over the old one, the folder forced. */
    void write(Path dir) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("height", height).put("hash", hash);
        ObjectNode saved = json.putObject("states");
        states.forEach(saved::set);
        try {
            new DurableFiles(ChannelOpener.FILES).replace(dir.resolve(FILE),
                    ByteBuffer.wrap(CanonicalJson.encode(json).getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint in " + dir, e);
        }
    }
}
