package dev.blockmine.node.tcp;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * A hostile miner: from its own loopback address (127.0.0.x, so a ban of it spares the honest miners on 127.0.0.1) it
 * asks for a job, then pipelines one S frame over and over from one platform thread, as fast as the node takes them,
 * while another reads and counts the answers, as a flood that keeps its connection alive would.
 */
final class SolutionFlooder implements AutoCloseable {

    private static final int FRAMES_PER_WRITE = 128;

    private final RawMiner miner;
    private final Frame.Task task;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile Frame lastAnswer;
    private volatile boolean cutOff;
    private volatile boolean toldQ;

    SolutionFlooder(String localAddress, int port, String name) {
        miner = new RawMiner(port, localAddress);
        miner.setReadTimeout(30_000);
        task = miner.ask(name);
    }

    Frame.Task task() {
        return task;
    }

    /** The next frame, read before flooding (the I of the job once someone wins it). */
    Frame read() {
        return miner.read();
    }

    /** Starts pipelining {@code solution} non-stop, and reading the answers, until the node or {@link #close} ends it. */
    SolutionFlooder flood(Frame.Solution solution) {
        byte[] frame = FrameCodec.encode(solution);
        byte[] batch = new byte[frame.length * FRAMES_PER_WRITE];
        for (int i = 0; i < FRAMES_PER_WRITE; i++) {
            System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
        }
        Thread.ofPlatform().daemon().name("flood-writer").start(() -> {
            try {
                while (!cutOff) {
                    miner.sendRaw(batch);
                    sent.addAndGet(FRAMES_PER_WRITE);
                }
            } catch (UncheckedIOException e) {
                // the node closed the connection (or we did)
            }
        });
        Thread.ofPlatform().daemon().name("flood-reader").start(() -> {
            try {
                for (Frame answer; (answer = miner.read()) != null; ) {
                    if (answer instanceof Frame.Quit) {
                        toldQ = true;
                    } else {
                        answered.incrementAndGet();
                        lastAnswer = answer;
                    }
                }
            } catch (UncheckedIOException e) {
                // reset by the node, or closed by us
            } finally {
                cutOff = true;
            }
        });
        return this;
    }

    long sent() {
        return sent.get();
    }

    long answered() {
        return answered.get();
    }

    Frame lastAnswer() {
        return lastAnswer;
    }

    /** The node closed this connection. */
    boolean isCutOff() {
        return cutOff;
    }

    /** The node said Q before closing. */
    boolean wasToldQ() {
        return toldQ;
    }

    @Override
    public void close() {
        cutOff = true;
        miner.close();
    }
}
