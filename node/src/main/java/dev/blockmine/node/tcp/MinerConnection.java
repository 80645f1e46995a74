package dev.blockmine.node.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.JobData;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;
import dev.blockmine.pow.binary.FrameException;

/**
 * One miner's connection, served on its own virtual thread: reads frames, answers them, and takes frames pushed
 * by other threads (I, Q). Whatever goes wrong here (bad bytes, silence, a vanished peer) ends this connection
 * only. Replies are flushed unless a whole next frame is already buffered, so pipelined frames get batched replies.
 */
final class MinerConnection {

    private static final Logger log = LoggerFactory.getLogger(MinerConnection.class);
    private static final int BUFFER = 2048;
    /** G: with this many bytes buffered, the next frame from a miner is whole, so reading it cannot wait. */
    private static final int LONGEST_MINER_FRAME = 11;
    /** Jobs a miner may still answer; older txns get R. */
    private static final int HELD_JOBS = 8;

    private final Socket socket;
    private final JobBoard board;
    private final Duration idleTimeout;
    private final String peer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Integer, Job> held = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Job> eldest) {
            return size() > HELD_JOBS;
        }
    };
    private OutputStream out;
    private volatile String name = "";
    private volatile boolean closing;
    /** System.nanoTime() when the write in progress began, 0 when none is: see {@link #isStalled}. */
    private volatile long writeStarted;
    /** The watchdog's own note: the write it found over the limit on its last tick. */
    private long suspectedWrite;

    MinerConnection(Socket socket, JobBoard board, Duration idleTimeout) {
        this.socket = socket;
        this.board = board;
        this.idleTimeout = idleTimeout;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
    }

    String name() {
        return name;
    }

    /** Serves the connection until it ends; never throws. */
    void serve() {
        try {
            socket.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            BufferedInputStream buffered = new BufferedInputStream(socket.getInputStream(), BUFFER);
            DataInputStream in = new DataInputStream(buffered);
            writeLock.lock();
            try {
                out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            } finally {
                writeLock.unlock();
            }
            while (true) {
                Frame frame = FrameCodec.read(in, JobData.SIZE);
                if (frame == null) {
                    log.debug("{} closed the connection", peer);
                    return;
                }
                // replies are held while a whole next frame is already buffered: pipelined S frames get batched replies
                boolean flush = buffered.available() < LONGEST_MINER_FRAME;
                switch (frame) {
                    case Frame.Get get -> {
                        if (get.name().isEmpty()) {
                            throw new FrameException("G with an empty name");
                        }
                        name = get.name();
                        sendTask(flush);
                    }
                    case Frame.Solution solution -> write(board.submit(this, solution), flush);
                    case Frame.Quit quit -> {
                        log.debug("{} said Q", peer);
                        return;
                    }
                    default -> throw new FrameException("a miner sent " + frame.getClass().getSimpleName()
                            + ", which only the node sends");
                }
            }
        } catch (FrameException e) {
            log.warn("Protocol error from {}: {}; closing that connection", peer, e.getMessage());
            quit();
        } catch (SocketTimeoutException e) {
            log.info("{} sent nothing for {}; closing that connection", peer, idleTimeout);
            quit();
        } catch (EOFException e) {
            log.warn("{} went away in the middle of a frame", peer);
        } catch (IOException e) {
            if (!closing) {
                log.debug("{}: {}", peer, e.toString());
            }
        } finally {
            board.forget(this);
            flush(); // replies batched behind a Q or the end of the input still go out whole
            closeNow(); // after the catches: they may still send Q
        }
    }

    private void flush() {
        writeLock.lock();
        try {
            if (!socket.isClosed()) {
                timed(() -> "a flush", OutputStream::flush);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Takes a job from the board and writes its T, all under this connection's write lock: an I for that job, which
     * needs the same lock, can then only follow its T on the wire, never overtake it.
     */
    void sendTask(boolean flush) {
        board.awaitBroadcast(); // not under the write lock: the broadcast needs it
        writeLock.lock();
        try {
            Frame.Task task = board.assign(this);
            timed(() -> "a T", stream -> {
                writeStops(unheardStops(task.txn()), stream); // an I held up in a broadcast goes before the next T
                FrameCodec.write(task, stream);
                if (flush) {
                    stream.flush();
                }
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends a frame from any thread; a connection that is gone is ignored (it is closing anyway). */
    void send(Frame frame) {
        write(frame, true);
    }

    /**
     * A broadcast's I for jobs this miner held, unless another thread is writing to this connection right now.
     *
     * @return false when the connection was busy and nothing was sent
     */
    boolean tryTellStopped(List<Job> stops) {
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            if (out == null) {
                return false;
            }
            tellStoppedLocked(stops);
        } finally {
            writeLock.unlock();
        }
        return true;
    }

    /** The same, waiting for the connection's other writer (on a thread of its own, for a busy connection). */
    void tellStopped(List<Job> stops) {
        writeLock.lock();
        try {
            tellStoppedLocked(stops);
        } finally {
            writeLock.unlock();
        }
    }

    private void tellStoppedLocked(List<Job> stops) {
        timed(() -> "I for jobs " + stops.stream().map(Job::txn).toList(), stream -> {
            writeStops(stops, stream);
            stream.flush();
        });
    }

    /** Writes each I this miner has not been told yet (write lock held): whoever gets there first, once each. */
    private void writeStops(List<Job> stops, OutputStream stream) throws IOException {
        for (Job stop : stops) {
            if (stop.firstStopFor(this)) {
                FrameCodec.write(new Frame.Invalidated(stop.txn()), stream);
            }
        }
    }

    /**
     * I for every job this miner held that has been won since by someone else, but the one whose T is about to go
     * out: that job may have been won in the instant since it was assigned, and its I must follow its T.
     */
    private List<Job> unheardStops(int handingOut) {
        synchronized (held) {
            return held.values().stream()
                    .filter(job -> job.txn() != handingOut && job.isSettled() && !job.isClaimedBy(this))
                    .toList();
        }
    }

    /** The node is going away: Q, then close. */
    void quit() {
        closing = true;
        send(new Frame.Quit());
        closeNow();
    }

    /**
     * True when one write to this miner has been going on for longer than {@code limit}: frames are small and a miner
     * that reads takes them at once, so its buffers are full because it stopped reading. A write must be seen over
     * the limit by two calls in a row (the watchdog's ticks), so a pause of the whole process (a long GC, a frozen
     * VM) that stops the writer along with everything else does not count against it. A connection that is closing
     * counts too: its Q may be the write that hangs. Called by the watchdog thread only.
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

    String peer() {
        return peer;
    }

    /** Closes without a word: unblocks a write stuck on a miner that stopped reading. */
    void closeNow() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void write(Frame frame, boolean flush) {
        writeLock.lock();
        try {
            timed(() -> frame, stream -> {
                FrameCodec.write(frame, stream);
                if (flush) {
                    stream.flush();
                }
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** Writing to the connection's stream. */
    private interface Output {
        void writeTo(OutputStream stream) throws IOException;
    }

    /**
     * Every write to the miner goes through here, with the write lock held: timed for the stalled-write watchdog
     * ({@link #isStalled}), a failure only logged (the connection is closing anyway), nothing before {@link #serve}
     * has opened the stream.
     */
    private void timed(Supplier<Object> what, Output work) {
        if (out == null) {
            return;
        }
        writeStarted = System.nanoTime();
        try {
            work.writeTo(out);
        } catch (IOException e) {
            log.debug("cannot send {} to {}: {}", what.get(), peer, e.toString());
        } finally {
            writeStarted = 0;
        }
    }

    void hold(Job job) {
        synchronized (held) {
            held.put(job.txn(), job);
        }
    }

    Job held(int txn) {
        synchronized (held) {
            return held.get(txn);
        }
    }
}
