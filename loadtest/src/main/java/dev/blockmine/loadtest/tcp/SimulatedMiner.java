package dev.blockmine.loadtest.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * One simulated miner: a real connection that holds the open job (G after every I, or when told), and can flood S
 * frames with random nonces, keeping a window of them in flight. Its frames are read by the shared {@link Receiver}.
 */
final class SimulatedMiner implements AutoCloseable {

    /** What the miner reports to the load run. */
    interface Listener {
        void invalidated(SimulatedMiner miner, int txn, long receivedNanos);
    }

    private final int id;
    private final SocketChannel channel;
    private final ByteBuffer inbox = ByteBuffer.allocate(4096);
    private final Listener listener;
    private final LongAdder answers;
    private final Semaphore window;
    private final boolean askOnInvalidate;
    private volatile Frame.Task task;
    private volatile Frame lastAnswer;
    private volatile boolean closed;

    /**
     * @param askOnInvalidate send G as soon as an I arrives, as a real miner does; otherwise the load run asks later
     */
    SimulatedMiner(int id, String host, int port, Receiver receiver, Listener listener, LongAdder answers, int window,
            boolean askOnInvalidate) throws IOException {
        this.id = id;
        this.listener = listener;
        this.answers = answers;
        this.window = new Semaphore(window);
        this.askOnInvalidate = askOnInvalidate;
        channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        receiver.add(this);
        ask();
    }

    int id() {
        return id;
    }

    Frame.Task task() {
        return task;
    }

    SocketChannel channel() {
        return channel;
    }

    ByteBuffer inbox() {
        return inbox;
    }

    void ask() throws IOException {
        send(FrameCodec.encode(new Frame.Get("load" + id % 100_000)));
    }

    void send(Frame frame) throws IOException {
        send(FrameCodec.encode(frame));
    }

    /** Sends S frames with random nonces for the held job until {@code until} (System.nanoTime) or closed. */
    void flood(long until, RandomGenerator random) throws IOException, InterruptedException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1024);
        while (System.nanoTime() < until && !closed) {
            window.acquire(); // at least one answer came back: refill the window in one write
            int more = 1 + window.drainPermits();
            Frame.Task held = task;
            batch.reset();
            for (int i = 0; i < more; i++) {
                FrameCodec.write(new Frame.Solution(held.txn(), random.nextLong() & 0xFFFF_FFFFL), batch);
            }
            send(batch.toByteArray());
        }
    }

    /**
     * Called by the receiver, on its thread, for every frame.
     *
     * @return true when the miner should now send G (the receiver has that done off its own thread)
     */
    boolean received(Frame frame, long now) {
        if (!(frame instanceof Frame.Task)) {
            lastAnswer = frame;
        }
        switch (frame) {
            case Frame.Task t -> task = t;
            case Frame.Invalidated i -> {
                if (task != null && i.txn() == task.txn()) {
                    listener.invalidated(this, i.txn(), now);
                    return askOnInvalidate;
                }
                answered(); // the answer to one of our S for a job already over
            }
            case Frame.Rejected r -> answered();
            case Frame.Accepted a -> {
                answered(); // a random nonce won: hold the next job like everyone else
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    private void answered() {
        answers.increment();
        window.release();
    }

    /** Non-blocking writes of a few hundred bytes at most: they go through at once unless the node stops reading. */
    private void send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        synchronized (channel) {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    LockSupport.parkNanos(100_000);
                }
                if (closed) {
                    return;
                }
            }
        }
    }

    void closed() {
        closed = true;
        window.release(1 << 20); // unblock a flooder
    }

    /** The last frame other than T: for saying what went wrong. */
    Frame lastAnswer() {
        return lastAnswer;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed();
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
