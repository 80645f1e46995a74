package dev.blockmine.node.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.blockmine.node.chain.SealedBlock;

/**
 * Writes answers that hold many blocks ({@code GET /chain}, a page of it, {@code /nodes/resolve}) as a stream: the
 * block strings are copied from the chain's version of the moment into a small buffer and sent as they go, so a
 * request holds its buffer, never a copy of the chain, and its first byte leaves at once. Whole chains are written
 * by a few requests at a time; the others wait their turn, parked, for at most {@link #WAIT_SECONDS}.
 */
@Component
final class ChainBodies {

    /** Whole chains written at once: each costs a core while it copies, and the rest are parked, costing nothing. */
    static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_SECONDS = 60;
    private static final int BUFFER = 64 * 1024;

    private final Semaphore writers = new Semaphore(WRITERS, true);

    /**
     * Writes {@code prefix}, the blocks separated by ", ", then {@code suffix}, with its length announced.
     *
     * @param whole whether this is a whole chain (its writers are bounded) rather than a bounded page
     */
    void write(HttpServletResponse response, String prefix, List<SealedBlock> blocks, String suffix, boolean whole)
            throws IOException {
        if (whole) {
            try {
                if (!writers.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Too many whole chains being sent: try again,"
                            + " or read it in pages with GET /chain?from=1&limit=500");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The node is stopping");
            }
        }
        try {
            long length = prefix.length() + suffix.length() + Math.max(0, 2L * (blocks.size() - 1));
            for (SealedBlock block : blocks) {
                length += block.blockString().length();
            }
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLengthLong(length);
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            int used = put(out, buffer, 0, prefix);
            boolean first = true;
            for (SealedBlock block : blocks) {
                if (!first) {
                    used = put(out, buffer, used, ", ");
                }
                first = false;
                used = put(out, buffer, used, block.blockString());
            }
            used = put(out, buffer, used, suffix);
            out.write(buffer, 0, used);
            out.flush();
        } finally {
            if (whole) {
                writers.release();
            }
        }
    }

    /** Copies {@code text} (ASCII: block strings are) into the buffer, sending it whenever it fills. */
    private static int put(OutputStream out, byte[] buffer, int used, String text) throws IOException {
        int at = 0;
        while (at < text.length()) {
            if (used == buffer.length) {
                out.write(buffer, 0, used);
                used = 0;
            }
            int n = Math.min(text.length() - at, buffer.length - used);
            text.getBytes(at, at + n, buffer, used); // ASCII: one byte per char
            used += n;
            at += n;
        }
        return used;
    }
}
