package dev.blockmine.loadtest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * One simulated miner: a real connection that holds the open job (G after every I), and can flood S frames with
 * random nonces, keeping a window of them in flight. Its frames are read on its own virtual thread.
 */
final class SimulatedMiner implements AutoCloseable {

    /** What the reader reports to the load run. */
    interface Listener {
        void invalidated(SimulatedMiner miner, int txn, long receivedNanos);
    }

    private final int id;
    private final Socket socket;
    private final OutputStream out;
    private final Listener listener;
    private final LongAdder answers;
    private final Semaphore window;
    private volatile Frame.Task task;
    private volatile boolean closed;

    SimulatedMiner(int id, String host, int port, Listener listener, LongAdder answers, int window) throws IOException {
        this.id = id;
        this.listener = listener;
        this.answers = answers;
        this.window = new Semaphore(window);
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 30_000);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 1024);
        Thread.ofVirtual().name("load-reader").start(this::read);
        ask();
    }

    int id() {
        return id;
    }

    Frame.Task task() {
        return task;
    }

    void ask() throws IOException {
        send(new Frame.Get("load" + id % 100_000));
    }

    /** Sends S frames with random nonces for the held job until {@code until} (System.nanoTime) or closed. */
    void flood(long until, java.util.random.RandomGenerator random) throws IOException, InterruptedException {
        while (System.nanoTime() < until && !closed) {
            window.acquire();
            Frame.Task held = task;
            synchronized (out) {
                FrameCodec.write(new Frame.Solution(held.txn(), random.nextLong() & 0xFFFF_FFFFL), out);
                if (window.availablePermits() == 0) {
                    out.flush(); // a window's worth per write: the node reads them in one go
                }
            }
        }
        synchronized (out) {
            out.flush();
        }
    }

    void send(Frame frame) throws IOException {
        synchronized (out) {
            FrameCodec.write(frame, out);
            out.flush();
        }
    }

    private void read() {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 4096));
            while (true) {
                Frame frame = FrameCodec.read(in, FrameCodec.MAX_DATA_LEN);
                long now = System.nanoTime();
                switch (frame) {
                    case null -> {
                        return;
                    }
                    case Frame.Task t -> task = t;
                    case Frame.Invalidated i -> {
                        if (task != null && i.txn() == task.txn()) {
                            listener.invalidated(this, i.txn(), now);
                            ask();
                        } else {
                            answered(); // an answer to one of our S for a job already over
                        }
                    }
                    case Frame.Rejected r -> answered();
                    case Frame.Accepted a -> {
                        answered(); // a random nonce won (likely at a low target): hold the next job like everyone
                        ask();
                    }
                    case Frame.Quit q -> {
                        return;
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            closed = true;
            window.release(1 << 20); // unblock a flooder
        }
    }

    private void answered() {
        answers.increment();
        window.release();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
