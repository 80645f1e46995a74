package dev.blockmine.node.tcp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/** A bare protocol client for tests: writes frames or raw bytes, reads frames, with a read timeout. */
final class RawMiner implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawMiner(int port) {
        this(port, "127.0.0.1");
    }

    /** A miner connecting from {@code localAddress} (another loopback address: 127.0.0.x). */
    RawMiner(int port, String localAddress) {
        try {
            socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawMiner send(Frame frame) {
        return sendRaw(FrameCodec.encode(frame));
    }

    RawMiner sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The next frame, or null when the node closed the connection. */
    Frame read() {
        try {
            return FrameCodec.read(in, FrameCodec.MAX_DATA_LEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Frame.Task ask(String name) {
        send(new Frame.Get(name));
        return (Frame.Task) read();
    }

    /** True when the node has closed: reading gives end of stream (or a reset) rather than a timeout. */
    boolean isClosedByNode() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Every frame that arrives until {@code millis} pass without one (or the node closes). */
    List<Frame> readUntilQuiet(int millis) {
        setReadTimeout(millis);
        List<Frame> frames = new ArrayList<>();
        try {
            for (Frame frame; (frame = read()) != null; ) {
                frames.add(frame);
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof SocketTimeoutException)) {
                throw e;
            }
        }
        return frames;
    }

    void setReadTimeout(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // test cleanup
        }
    }

    /** Valid nonces for a task, from {@code from} on, in order. */
    static long validNonce(Frame.Task task, long from) {
        BinaryRule rule = new BinaryRule(task.zeroBits());
        long nonce = from;
        while (!rule.isValid(task.data(), nonce)) {
            nonce++;
        }
        return nonce;
    }

    static long invalidNonce(Frame.Task task) {
        BinaryRule rule = new BinaryRule(task.zeroBits());
        long nonce = 0;
        while (rule.isValid(task.data(), nonce)) {
            nonce++;
        }
        return nonce;
    }
}
