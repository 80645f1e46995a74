package dev.blockmine.node.chain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Saves a {@link Checkpoint} of a durable node every {@value #EVERY} blocks, on a background listener's thread, and
 * when the node stops. A state that cannot say where it stands at that tip (the leaderboard, mid-change) is left out,
 * and counted again at the next start.
 */
public final class CheckpointWriter implements AutoCloseable {

    static final int EVERY = 1000;

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

    private final Chain chain;
    private final Path dir;
    private final List<DerivedState> states;
    private long written;

    public CheckpointWriter(Chain chain, Path dir, List<DerivedState> states, long height) {
        this.chain = chain;
        this.dir = dir;
        this.states = List.copyOf(states);
        this.written = height;
        chain.listen(ChainListeners.Turn.BACKGROUND, event -> {
            if (event.tip().index() >= written + EVERY || event.tip().index() < written) {
                write();
            }
        });
    }

    synchronized void write() {
        BlockList blocks = chain.blocks();
        SealedBlock tip = blocks.tip();
        Map<String, JsonNode> saved = new LinkedHashMap<>();
        for (DerivedState state : states) {
            state.stateAt(tip, blocks).ifPresent(json -> saved.put(state.name(), json));
        }
        try {
            new Checkpoint(tip.index(), tip.hash(), saved).write(dir);
            written = tip.index();
        } catch (RuntimeException e) {
            log.warn("Could not write a checkpoint at block {}: {}", tip.index(), e.toString());
        }
    }

    /** The last checkpoint, taken as the node stops, so the next start takes everything up from there. */
    @Override
    public void close() {
        write();
    }
}
