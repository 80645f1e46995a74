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
import java.util.function.Consumer;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * One connection to a node's binary protocol. Frames are read on their own virtual thread, so a search in progress
 * hears an I the moment it arrives: every frame is first shown to a listener (which cancels the search), then queued.
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

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Event> inbox = new LinkedBlockingQueue<>();

    private TcpSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64);
    }

    static TcpSession open(TcpAddress address, Duration connectTimeout, Consumer<Event> listener) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            TcpSession session = new TcpSession(socket);
            Thread.ofVirtual().name("tcp-reader").start(() -> session.read(listener));
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
                inbox.add(received);
            }
        } catch (IOException e) {
            end = new Ended(socket.isClosed() ? "connection closed" : "connection lost (" + e.getMessage() + ")");
        }
        listener.accept(end);
        inbox.add(end);
    }

    void send(Frame frame) throws IOException {
        synchronized (out) {
            FrameCodec.write(frame, out);
            out.flush();
        }
    }

    /** The next frame, or an {@link Ended} once the connection is over. */
    Event next() throws InterruptedException {
        return inbox.take();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
