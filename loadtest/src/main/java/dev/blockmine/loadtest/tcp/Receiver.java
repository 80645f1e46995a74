package dev.blockmine.loadtest.tcp;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * Reads the frames of every simulated miner on a few platform threads, each with a selector over its share of the
 * miners. Thousands of connections cost the load tool a few microseconds each per frame, so it takes as little as
 * possible of the CPU it shares with the node, and every arrival is timed when its select returns. The G a miner
 * sends on I goes out from another thread: on loopback a write costs as much as several reads, and done inline it
 * would hold up (and late-stamp) the arrivals of every other miner's I, which real miners on their own machines do
 * not do to each other.
 */
final class Receiver implements AutoCloseable {

    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Miners to send G, handed over a select round at a time: one wake-up of the asking thread per round. */
    private final BlockingQueue<List<SimulatedMiner>> asking = new LinkedBlockingQueue<>();
    private final Thread asker;
    private volatile boolean closed;

    /** @param threads selector threads; each miner is read by one of them */
    Receiver(int threads) {
        for (int i = 0; i < threads; i++) {
            loops.add(new Loop(i));
        }
        asker = Thread.ofPlatform().name("load-asker").daemon().start(this::ask);
    }

    void add(SimulatedMiner miner) {
        loops.get(Math.floorMod(next.getAndIncrement(), loops.size())).add(miner);
    }

    private void ask() {
        try {
            while (!closed) {
                for (SimulatedMiner miner : asking.take()) {
                    try {
                        miner.ask();
                    } catch (IOException e) {
                        miner.closed(); // its receiver sees the end of the connection too
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private final class Loop {

        private final Selector selector;
        private final Queue<SimulatedMiner> joining = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        Loop(int number) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = Thread.ofPlatform().name("load-receiver-" + number).daemon().start(this::run);
        }

        void add(SimulatedMiner miner) {
            joining.add(miner);
            selector.wakeup();
        }

        private void run() {
            try {
                while (!closed) {
                    selector.select();
                    long now = System.nanoTime();
                    for (SimulatedMiner miner; (miner = joining.poll()) != null; ) {
                        miner.channel().register(selector, SelectionKey.OP_READ, miner);
                    }
                    List<SimulatedMiner> toAsk = new ArrayList<>();
                    for (SelectionKey key : selector.selectedKeys()) {
                        SimulatedMiner miner = (SimulatedMiner) key.attachment();
                        if (!drain(miner, now, toAsk)) {
                            key.cancel();
                            miner.closed();
                        }
                    }
                    selector.selectedKeys().clear();
                    if (!toAsk.isEmpty()) {
                        asking.add(toAsk);
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            } finally {
                try {
                    selector.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** Reads what is there and hands over every whole frame; false when the connection is over. */
    private static boolean drain(SimulatedMiner miner, long now, List<SimulatedMiner> toAsk) {
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
            for (int length; (length = FrameCodec.lengthAt(in)) > 0 && in.remaining() >= length; ) {
                Frame frame = length == FrameCodec.ANSWER_LENGTH ? answer(in) : decode(in, length);
                if (frame instanceof Frame.Quit) {
                    return false;
                }
                if (miner.received(frame, now)) {
                    toAsk.add(miner);
                }
            }
        } catch (IOException e) {
            return false; // not a frame: the node and the tool disagree; drop the connection
        } finally {
            in.compact();
        }
        return true;
    }

    /** A, I or R: the frames every round brings thousands of, read without the codec's stream allocations. */
    private static Frame answer(ByteBuffer in) throws IOException {
        byte type = in.get();
        int txn = Short.toUnsignedInt(in.getShort());
        return switch (type) {
            case 'A' -> new Frame.Accepted(txn);
            case 'I' -> new Frame.Invalidated(txn);
            case 'R' -> new Frame.Rejected(txn);
            default -> throw new IOException("not an answer frame: " + type);
        };
    }

    private static Frame decode(ByteBuffer in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)), FrameCodec.MAX_DATA_LEN);
    }

    @Override
    public void close() {
        closed = true;
        asker.interrupt();
        for (Loop loop : loops) {
            loop.selector.wakeup();
        }
        try {
            for (Loop loop : loops) {
                loop.thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
