package dev.blockmine.node.tcp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.ChainBusy;
import dev.blockmine.node.mining.Verdict;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.JobData;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;
import dev.blockmine.pow.binary.FrameException;

/**
 * One miner's connection, served on its own virtual thread: reads frames and answers them; other threads push
 * frames to it (I, Q) through its {@link FrameWriter}. Whatever goes wrong here (bad bytes, silence, a vanished peer,
 * a flood of bad nonces) ends this connection only. Replies are flushed unless a whole next frame is already
 * buffered, so pipelined frames get batched replies.
 */
final class MinerConnection {

    private static final Logger log = LoggerFactory.getLogger(MinerConnection.class);
    private static final int BUFFER = 2048;

    private final Socket socket;
    private final JobBoard board;
    private final Duration idleTimeout;
    private final String peer;
    private final FrameWriter writer;
    private final HeldJobs jobs = new HeldJobs();
    private final SolutionBudget budget;
    private final RejectTally tally;
    private final Bans bans;
    private final HttpOnMiningPort http;
    private volatile String name = "";
    private volatile boolean closing;

    MinerConnection(Socket socket, JobBoard board, NodeProperties.Tcp settings, Bans bans) {
        this(socket, board, settings, bans, new HttpOnMiningPort(() -> -1));
    }

    MinerConnection(Socket socket, JobBoard board, NodeProperties.Tcp settings, Bans bans, HttpOnMiningPort http) {
        this.socket = socket;
        this.board = board;
        this.idleTimeout = settings.idleTimeout();
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.writer = new FrameWriter(socket, peer);
        this.budget = new SolutionBudget(settings.solutions().perSecond(), settings.solutions().burst());
        this.tally = new RejectTally(settings.solutions());
        this.bans = bans;
        this.http = http;
    }

    String name() {
        return name;
    }

    /** A miner, as the dashboard counts them: a connection that has sent a valid G, not merely opened a socket. */
    boolean isMiner() {
        return !name.isEmpty();
    }

    HeldJobs jobs() {
        return jobs;
    }

    String peer() {
        return peer;
    }

    /** Serves the connection until it ends; never throws. */
    void serve() {
        try {
            socket.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            BufferedInputStream buffered = new BufferedInputStream(socket.getInputStream(), BUFFER);
            DataInputStream in = new DataInputStream(buffered);
            writer.open();
            if (bans.refuses(socket.getInetAddress())) {
                log.debug("{} is refused for now (its address was cut off for bad nonces)", peer);
                quit();
                return;
            }
            if (HttpOnMiningPort.startsWithHttp(buffered)) {
                http.answer(socket, buffered, peer);
                return;
            }
            while (true) {
                Frame frame = FrameCodec.read(in, JobData.SIZE);
                if (frame == null) {
                    log.debug("{} closed the connection", peer);
                    return;
                }
                // replies are held while a whole next frame is already buffered: pipelined S frames get batched replies
                boolean flush = buffered.available() < FrameCodec.LONGEST_MINER_FRAME;
                switch (frame) {
                    case Frame.Get get -> {
                        if (get.name().isEmpty()) {
                            throw new FrameException("G with an empty name");
                        }
                        name = get.name();
                        sendTask(flush);
                    }
                    case Frame.Solution solution -> {
                        if (!answer(solution, flush)) {
                            return;
                        }
                    }
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only the node's end interrupts a connection
        } catch (DataAccessException | UncheckedIOException | ChainBusy e) { // the store failed or stalled: never A
            log.warn("{}: the chain could not store its block ({}); closing that connection", peer, causes(e));
        } catch (RuntimeException e) { // a bug of ours, not the miner's or the store's: it needs its stack trace
            log.error("{}: serving this miner failed; closing that connection", peer, e);
        } finally {
            board.forget(this);
            writer.flush(); // replies batched behind a Q or the end of the input still go out whole
            closeNow(); // after the catches: they may still send Q
        }
    }

    /** The message and the causes' messages, for a store failure whose root (say, the connection refused) is deep. */
    private static String causes(Throwable e) {
        StringBuilder said = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; cause = cause.getCause(), depth++) {
            said.append(": ").append(cause.getMessage());
        }
        return said.toString();
    }

    /**
     * Judges an S within this connection's budget and answers it.
     *
     * @return false when the connection was cut off for its bad nonces
     */
    private boolean answer(Frame.Solution solution, boolean flush) throws InterruptedException {
        if (!budget.tryTake()) {
            writer.flush(); // the replies so far go out before this reader sleeps
            budget.take();
        }
        Verdict verdict = board.submit(this, solution);
        writer.write(SolutionJudge.answer(verdict), flush);
        if (!tally.record(verdict)) {
            return true;
        }
        log.warn("{} ({}) sends mostly bad nonces ({}); closing that connection{}", peer, CanonicalJson.quote(name), tally,
                bans.duration().isZero() ? "" : " and refusing its address for " + bans.duration());
        bans.ban(socket.getInetAddress());
        quit();
        return false;
    }

    /**
     * Takes a job from the board and writes its T, all under this connection's write lock: an I for that job, which
     * needs the same lock, can then only follow its T on the wire, never overtake it.
     */
    void sendTask(boolean flush) {
        board.awaitBroadcast(); // not under the write lock: the broadcast needs it
        writer.locked(() -> {
            Frame.Task task = board.assign(this);
            writer.timed(() -> "a T", stream -> {
                writeStops(jobs.wonByOthers(this, task.txn()), stream); // an I held up in a broadcast goes before the T
                FrameCodec.write(task, stream);
                if (flush) {
                    stream.flush();
                }
            });
        });
    }

    /**
     * A broadcast's I for jobs this miner held, unless another thread is writing to this connection right now.
     *
     * @return false when the connection was busy and nothing was sent
     */
    boolean tryTellStopped(List<Job> stops) {
        return writer.lockedIfFree(() -> tellStoppedLocked(stops));
    }

    /** The same, waiting for the connection's other writer (on a thread of its own, for a busy connection). */
    void tellStopped(List<Job> stops) {
        writer.locked(() -> tellStoppedLocked(stops));
    }

    private void tellStoppedLocked(List<Job> stops) {
        writer.timed(() -> "I for jobs " + stops.stream().map(Job::txn).toList(), stream -> {
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

    /** The node is going away (or has done with this miner): Q, then close. */
    void quit() {
        closing = true;
        writer.write(new Frame.Quit(), true);
        closeNow();
    }

    /** See {@link FrameWriter#isStalled}; a connection that is closing counts too: its Q may be the write that hangs. */
    boolean isStalled(long nowNanos, Duration limit) {
        return writer.isStalled(nowNanos, limit);
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
}
