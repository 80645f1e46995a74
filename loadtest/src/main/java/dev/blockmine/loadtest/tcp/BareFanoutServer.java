package dev.blockmine.loadtest.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import dev.blockmine.pow.BinaryRule;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * The least a server can do for the binary protocol, as a floor to measure the node against on the same machine and
 * in the same run: one selector thread reads every connection and answers G with T, and the first valid S gets A
 * and sends I to every other holder from one platform thread per core — no chain, no block, no logging, no virtual
 * threads. Like the node, it answers the G that arrive during a fan-out only once the fan-out is over (the node
 * waits at most 250 ms for that; its broadcasts here take less).
 * Loopback only: it exists for {@link TcpLoad}.
 */
final class BareFanoutServer implements AutoCloseable {

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final ExecutorService fanout = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("floor-fanout-", 0).factory());
    private final byte[] data = new byte[1024];
    private final BinaryRule rule;
    private final Set<Connection> holders = new LinkedHashSet<>(); // a second G from a holder is no second holder
    private final List<Connection> waiting = new ArrayList<>();
    private int txn = 1;
    private List<Future<?>> inFlight = List.of();
    private volatile boolean closed;

    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(256);

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** A few bytes on a connection that reads: goes through at once but for a rare full buffer. */
        void write(byte[] frame) {
            ByteBuffer out = ByteBuffer.wrap(frame);
            synchronized (this) {
                try {
                    while (out.hasRemaining()) {
                        if (channel.write(out) == 0) {
                            LockSupport.parkNanos(50_000);
                        }
                    }
                } catch (IOException e) {
                    // the load tool closed it; the selector sees that too
                }
            }
        }
    }

    BareFanoutServer(int zeroBits) {
        this.rule = new BinaryRule(zeroBits);
        new Random(7).nextBytes(data);
        try {
            server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 4096);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().name("floor-io").daemon().start(this::loop);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select(10);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        accept();
                    } else if (!read((Connection) key.attachment())) {
                        key.cancel();
                        key.channel().close();
                    }
                }
                selector.selectedKeys().clear();
                if (!waiting.isEmpty() && inFlight.stream().allMatch(Future::isDone)) {
                    waiting.forEach(this::handOut); // the fan-out is over: now the next job
                    waiting.clear();
                }
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = server.accept()) != null; ) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
        }
    }

    private boolean read(Connection connection) throws IOException {
        if (connection.channel.read(connection.in) < 0) {
            return false;
        }
        ByteBuffer in = connection.in.flip();
        try {
            while (in.hasRemaining()) {
                int length = FrameCodec.lengthAt(in);
                if (length == 0 || in.remaining() < length) {
                    break;
                }
                byte type = in.get();
                switch (type) {
                    case 'G' -> {
                        in.position(in.position() + FrameCodec.NAME_BYTES);
                        if (inFlight.stream().allMatch(Future::isDone)) {
                            handOut(connection);
                        } else {
                            waiting.add(connection);
                        }
                    }
                    case 'S' -> solved(connection, Short.toUnsignedInt(in.getShort()), in.getInt() & 0xFFFF_FFFFL);
                    default -> {
                        return false; // Q, or anything the load tool does not send
                    }
                }
            }
        } finally {
            in.compact();
        }
        return true;
    }

    private void handOut(Connection connection) {
        holders.add(connection);
        connection.write(FrameCodec.encode(new Frame.Task(txn, holders.size() & 0xFFFF, 1L << 16, rule.zeroBits(), data)));
    }

    private void solved(Connection winner, int solvedTxn, long nonce) {
        if (solvedTxn != txn || !rule.isValid(data, nonce)) {
            winner.write(FrameCodec.encode(new Frame.Rejected(solvedTxn)));
            return;
        }
        List<Connection> others = new ArrayList<>(holders);
        others.remove(winner);
        holders.clear();
        byte[] stop = FrameCodec.encode(new Frame.Invalidated(txn));
        txn = (txn + 1) & 0xFFFF;
        List<Future<?>> parts = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
            List<Connection> slice = others.subList(t * others.size() / THREADS, (t + 1) * others.size() / THREADS);
            parts.add(fanout.submit(() -> slice.forEach(other -> other.write(stop))));
        }
        inFlight = parts;
        winner.write(FrameCodec.encode(new Frame.Accepted(solvedTxn)));
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        fanout.shutdownNow();
        try {
            thread.join(2_000);
            selector.close();
            server.close();
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
