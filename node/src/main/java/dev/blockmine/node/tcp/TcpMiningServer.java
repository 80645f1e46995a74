package dev.blockmine.node.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.limits.AddressSlots;
import dev.blockmine.node.limits.RetryPauses;
import dev.blockmine.node.limits.ThrottledLog;

/**
 * The binary protocol's TCP server, started and stopped with the node. One virtual thread per connection: an idle
 * miner costs a parked virtual thread and two small buffers, so thousands are cheap, but each holds a file
 * descriptor: connections are capped in all and per address ({@link AddressSlots}), and the accept loop backs off
 * when {@code accept} fails. On stop every miner gets Q.
 */
public final class TcpMiningServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TcpMiningServer.class);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);
    private static final int RESERVED_DESCRIPTORS = 1024;
    private static final int MIN_CONNECTIONS = 64;

    private final JobBoard board;
    private final NodeProperties.Tcp settings;
    private final Set<MinerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Bans bans;
    private final AddressSlots slots;
    private final ThrottledLog refusals = new ThrottledLog(Duration.ofSeconds(10));
    private final HttpOnMiningPort http;
    private volatile ServerSocket server;
    private volatile boolean running;
    private ScheduledExecutorService watchdog;

    /** For nodes built without Spring (tests): HTTP is not counted against the descriptor limit. */
    public TcpMiningServer(JobBoard board, NodeProperties.Tcp settings) {
        this(board, settings, 0);
    }

    /** @param httpConnections connections the HTTP server holds at most, each a descriptor the TCP door leaves it */
    public TcpMiningServer(JobBoard board, NodeProperties.Tcp settings, int httpConnections) {
        this(board, settings, httpConnections, () -> -1);
    }

    /** @param httpPort the node's HTTP port (negative while unknown), named to HTTP clients that dial this port */
    public TcpMiningServer(JobBoard board, NodeProperties.Tcp settings, int httpConnections, IntSupplier httpPort) {
        this.board = board;
        this.settings = settings;
        this.bans = new Bans(settings.solutions().ban());
        this.slots = new AddressSlots("TCP connection", fitting(settings.maxConnections(), httpConnections),
                settings.maxConnectionsPerAddress());
        this.http = new HttpOnMiningPort(httpPort);
    }

    /**
     * The connection cap, lowered to what the process's descriptor limit leaves once HTTP has its connections and
     * {@link #RESERVED_DESCRIPTORS} remain for files, peers and the database: reaching the limit fails every door.
     */
    private static int fitting(int configured, int httpConnections) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            long room = Math.max(MIN_CONNECTIONS, limit - httpConnections - RESERVED_DESCRIPTORS);
            if (room < configured) {
                log.warn("node.tcp.max-connections lowered from {} to {}: the descriptor limit is {}, and HTTP may hold {}"
                        + " (server.tomcat.max-connections)", configured, room, limit, httpConnections);
                return (int) room;
            }
        }
        return configured;
    }

    @Override
    public void start() {
        if (settings.port() < 0) {
            log.info("Binary mining protocol disabled (node.tcp.port=-1)");
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.port()), settings.backlog());
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on TCP port " + settings.port(), e);
        }
        running = true;
        Thread.ofPlatform().name("tcp-accept").daemon().start(this::accept);
        long period = Math.max(1, settings.stalledWrite().toMillis() / 4);
        watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tcp-watchdog").factory());
        watchdog.scheduleAtFixedRate(this::closeStalled, period, period, TimeUnit.MILLISECONDS);
        log.info("Binary mining protocol on TCP port {} ({} zero bits, slots of {} nonces)", port(),
                settings.zeroBits(), settings.slot());
    }

    /**
     * Accepts until stopped. Nothing one connection does may end this thread: a failed {@code accept} (out of
     * descriptors) backs off, and anything thrown while handing a socket over (an {@link Error} included) is logged
     * and that socket closed.
     */
    private void accept() {
        AcceptBackoff backoff = new AcceptBackoff(log);
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
                backoff.succeeded();
            } catch (Throwable e) {
                if (!running) {
                    return;
                }
                RetryPauses.rest(backoff.failed(e)); // interrupted only when stopping: running says so
                continue;
            }
            try {
                admit(socket);
            } catch (Throwable e) {
                log.error("Could not serve a TCP connection from {}; closing it", socket.getRemoteSocketAddress(), e);
                closeQuietly(socket);
            }
        }
    }

    /** Serves the socket if its address has a slot; closes it at once if not. */
    private void admit(Socket socket) {
        String address = socket.getInetAddress().getHostAddress();
        switch (slots.claim(address)) {
            case AddressSlots.Slot slot -> serve(socket, slot::close);
            case AddressSlots.Refused refused -> {
                int times = refusals.occurred();
                if (times > 0) {
                    log.warn("Closed {} TCP connection(s) at once since the last report; the last: {}", times,
                            refused.reason());
                }
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // a reset: no TIME_WAIT kept for a connection we never served
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }

    /** Serves an accepted socket on a virtual thread of its own (tests hand over sockets whose node side they hold). */
    void serve(Socket socket) {
        serve(socket, () -> { });
    }

    private void serve(Socket socket, Runnable onEnd) {
        MinerConnection connection = new MinerConnection(socket, board, settings, bans, http);
        connections.add(connection);
        try {
            Thread.ofVirtual().name("tcp-miner").start(() -> {
                try {
                    connection.serve();
                } finally {
                    connections.remove(connection);
                    onEnd.run();
                }
            });
        } catch (Throwable e) {
            connections.remove(connection);
            onEnd.run();
            throw e;
        }
    }

    /**
     * A miner that stops reading fills its socket's buffers, and a write to it (its own T, or an I from a
     * broadcaster, which would hold up every holder after it) then never ends. Closing the connection ends the write.
     */
    private void closeStalled() {
        try {
            long now = System.nanoTime();
            for (MinerConnection connection : connections) {
                if (connection.isStalled(now, settings.stalledWrite())) {
                    log.warn("{} has not taken a frame in {} ms (it stopped reading); closing that connection",
                            connection.peer(), settings.stalledWrite().toMillis());
                    connection.closeNow();
                }
            }
        } catch (Throwable e) {
            log.error("The stalled-write watchdog failed; it runs again at its next tick", e); // an escape would end it
        }
    }

    /** The bound port (the real one when configured as 0), or -1 when disabled. */
    public int port() {
        ServerSocket socket = server;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** Connections being served now, miners or not. */
    public int connectionCount() {
        return connections.size();
    }

    /** Miners connected now: connections that have sent a valid G (a socket that only opened is not a miner). */
    public int minerCount() {
        int miners = 0;
        for (MinerConnection connection : connections) {
            if (connection.isMiner()) {
                miners++;
            }
        }
        return miners;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        watchdog.shutdownNow();
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
        int count = connections.size();
        try (ExecutorService quits = Executors.newVirtualThreadPerTaskExecutor()) {
            connections.forEach(connection -> quits.execute(connection::quit));
            quits.shutdown();
            if (!quits.awaitTermination(QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                connections.forEach(MinerConnection::closeNow); // miners that stopped reading do not hold us up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Binary mining protocol stopped; sent Q to {} miner{}", count, count == 1 ? "" : "s");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
