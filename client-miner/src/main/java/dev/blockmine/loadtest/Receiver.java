package dev.blockmine.loadtest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * Reads the frames of every simulated miner on one platform thread with a selector. Thousands of connections cost
 * the load tool a few microseconds each per frame, so it takes as little as possible of the CPU it shares with the
 * node, and every arrival is timed on the same thread.
 */
final class Receiver implements AutoCloseable {

    private final Selector selector;
    private final Queue<SimulatedMiner> joining = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    Receiver() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().name("load-receiver").daemon().start(this::loop);
    }

    void add(SimulatedMiner miner) {
        joining.add(miner);
        selector.wakeup();
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select();
                long now = System.nanoTime();
                for (SimulatedMiner miner; (miner = joining.poll()) != null; ) {
                    miner.channel().register(selector, SelectionKey.OP_READ, miner);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    SimulatedMiner miner = (SimulatedMiner) key.attachment();
                    if (!drain(miner, now)) {
                        key.cancel();
                        miner.closed();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads what is there and hands over every whole frame; false when the connection is over. */
    private static boolean drain(SimulatedMiner miner, long now) {
        ByteBuffer in = miner.inbox();
        try {
            if (miner.channel().read(in) < 0) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        in.flip();
        try {
            for (int length; (length = frameLength(in)) > 0 && in.remaining() >= length; ) {
                byte[] bytes = new byte[length];
                in.get(bytes);
                Frame frame = FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)), FrameCodec.MAX_DATA_LEN);
                if (frame instanceof Frame.Quit) {
                    return false;
                }
                miner.received(frame, now);
            }
        } catch (IOException e) {
            return false; // not a frame: the node and the tool disagree; drop the connection
        } finally {
            in.compact();
        }
        return true;
    }

    /** The length of the frame at the buffer's position, or 0 when not enough is there to tell. */
    private static int frameLength(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return 0;
        }
        return switch (in.get(in.position())) {
            case 'T' -> in.remaining() < 12 ? 0 : 12 + Short.toUnsignedInt(in.getShort(in.position() + 10));
            case 'A', 'I', 'R' -> 3;
            case 'S' -> 7;
            case 'G' -> 11;
            default -> 1; // Q, or an unknown byte that the codec will refuse
        };
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2_000);
            selector.close();
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
