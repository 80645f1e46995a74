package dev.blockmine.miner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * One connection to a node's binary protocol. Frames are read on their own virtual thread, so a search in progress
 * hears an I the moment it arrives: every frame is first shown to a listener (which cancels the search), then queued.
 * The queue is bounded: a node that sends faster than the miner takes frames is read no further until it does (TCP
 * slows it down). TCP keep-alive is on, and the miner waits for an answer at most a given time ({@link #next}), so a
 * connection whose node vanished without a word (half-open) ends instead of hanging the miner.
 */
final class TcpSession implements AutoCloseable {

    /** What the reader thread hears: a frame, or the end of the connection. */
    sealed interface Event {
    }

    /** A frame from the node. */
    record Received(Frame frame) implements Event {
    }

    /** The node closed the connection, or it broke. */
    record Ended(String why) implements Event {
    }

    /** Frames read ahead of the miner at most. */
    static final int INBOX = 64;

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Event> inbox = new LinkedBlockingQueue<>(INBOX);
    private volatile Thread reader;

    private TcpSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64);
    }

    static TcpSession open(TcpAddress address, Duration connectTimeout, Consumer<Event> listener) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            TcpSession session = new TcpSession(socket);
            session.reader = Thread.ofVirtual().name("tcp-reader").start(() -> session.read(listener));
            return session;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void read(Consumer<Event> listener) {
        Ended end;
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                Frame frame = FrameCodec.read(in, FrameCodec.MAX_DATA_LEN);
                if (frame == null) {
                    end = new Ended("the node closed the connection");
                    break;
                }
                Received received = new Received(frame);
                listener.accept(received);
                inbox.put(received); // waits while the miner is INBOX frames behind
            }
        } catch (IOException e) {
            end = new Ended(socket.isClosed() ? "connection closed" : "connection lost (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            return; // closed while waiting for room: nobody reads the inbox any more
        }
        listener.accept(end);
        try {
            inbox.put(end);
        } catch (InterruptedException e) {
            // closed: nobody reads the inbox any more
        }
    }

    void send(Frame frame) throws IOException {
        synchronized (out) {
            FrameCodec.write(frame, out);
            out.flush();
        }
    }

    /**
     * The next frame, or an {@link Ended} once the connection is over, or when nothing arrives within {@code timeout}
     * (the caller expects an answer: the node is gone without closing the connection, or stuck).
     */
    Event next(Duration timeout) throws InterruptedException {
        Event event = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return event != null ? event
                : new Ended("the node did not answer within " + timeout.toSeconds() + " s (connection half-open or node stuck)");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        Thread reading = reader;
        if (reading != null) {
            reading.interrupt(); // it may be waiting for room in the inbox
        }
    }
}
