package dev.blockmine.node.tcp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Frame.Task task;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile Frame lastAnswer;
    private volatile boolean cutOff;
    private volatile boolean toldQ;

    SolutionFlooder(String localAddress, int port, String name) {
        try {
            socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
            out.write(FrameCodec.encode(new Frame.Get(name)));
            task = (Frame.Task) FrameCodec.read(in, FrameCodec.MAX_DATA_LEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Frame.Task task() {
        return task;
    }

    /** The next frame, read before flooding (the I of the job once someone wins it). */
    Frame read() {
        try {
            return FrameCodec.read(in, FrameCodec.MAX_DATA_LEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    out.write(batch);
                    sent.addAndGet(FRAMES_PER_WRITE);
                }
            } catch (IOException e) {
                // the node closed the connection (or we did)
            }
        });
        Thread.ofPlatform().daemon().name("flood-reader").start(() -> {
            try {
                for (Frame answer; (answer = FrameCodec.read(in, FrameCodec.MAX_DATA_LEN)) != null; ) {
                    if (answer instanceof Frame.Quit) {
                        toldQ = true;
                    } else {
                        answered.incrementAndGet();
                        lastAnswer = answer;
                    }
                }
            } catch (IOException e) {
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
        try {
            socket.close();
        } catch (IOException e) {
            // test cleanup
        }
    }
}
