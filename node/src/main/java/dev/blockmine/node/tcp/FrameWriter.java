package dev.blockmine.node.tcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * The write side of one miner's connection: one lock that orders every frame to it (its own replies, a T, the I of
 * a broadcast), a buffered stream, and the time the write in progress began, which the stalled-write watchdog reads.
 */
final class FrameWriter {

    private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);
    private static final int BUFFER = 2048;

    /** Writing to the connection's stream. */
    interface Output {
        void writeTo(OutputStream stream) throws IOException;
    }

    private final Socket socket;
    private final String peer;
    private final ReentrantLock lock = new ReentrantLock();
    private OutputStream out;
    /** System.nanoTime() when the write in progress began, 0 when none is: see {@link #isStalled}. */
    private volatile long writeStarted;
    /** The watchdog's own note: the write it found over the limit on its last tick. */
    private long suspectedWrite;

    FrameWriter(Socket socket, String peer) {
        this.socket = socket;
        this.peer = peer;
    }

    /** Opens the stream; until then every write is dropped (nothing can be sent to a connection not yet served). */
    void open() throws IOException {
        OutputStream stream = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        locked(() -> out = stream);
    }

    /** One frame, from any thread; a connection that is gone is ignored (it is closing anyway). */
    void write(Frame frame, boolean flush) {
        locked(() -> timed(() -> frame, stream -> {
            FrameCodec.write(frame, stream);
            if (flush) {
                stream.flush();
            }
        }));
    }

    /** Sends whatever replies are batched. */
    void flush() {
        locked(() -> {
            if (!socket.isClosed()) {
                timed(() -> "a flush", OutputStream::flush);
            }
        });
    }

    /** Runs {@code work} holding the write lock: what it writes with {@link #timed} goes out in one piece. */
    void locked(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The same, unless another thread is writing to this connection right now (or it is not open yet).
     *
     * @return false when nothing ran
     */
    boolean lockedIfFree(Runnable work) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (out == null) {
                return false;
            }
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every write to the miner goes through here, with the write lock held: timed for the stalled-write watchdog
     * ({@link #isStalled}); a failure is logged and closes the socket; nothing is written before {@link #open}.
     */
    void timed(Supplier<Object> what, Output work) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a write without the connection's write lock");
        }
        if (out == null) {
            return;
        }
        writeStarted = System.nanoTime();
        try {
            work.writeTo(out);
        } catch (IOException e) {
            log.debug("cannot send {} to {}: {}", what.get(), peer, e.toString());
            close(); // a broken connection: its reader, perhaps still working through pipelined frames, stops too
        } finally {
            writeStarted = 0;
        }
    }

    private void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * True when one write to this miner has been going on for longer than {@code limit}: frames are small and a miner
     * that reads takes them at once, so its buffers are full because it stopped reading. A write must be seen over
     * the limit by two calls in a row (the watchdog's ticks), so a pause of the whole process (a long GC, a frozen
     * VM) that stops the writer along with everything else does not count against it. Called by the watchdog only.
     */
    boolean isStalled(long nowNanos, Duration limit) {
        long started = writeStarted;
        if (started == 0 || nowNanos - started <= limit.toNanos()) {
            return false;
        }
        if (started != suspectedWrite) {
            suspectedWrite = started;
            return false;
        }
        return true;
    }
}
