package dev.blockmine.node.tcp;

import java.time.Clock;
import java.time.Duration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;

/** A chain with the TCP server on a free port, without Spring: for protocol tests that need no HTTP. */
final class TcpNode implements AutoCloseable {

    final Chain chain = new Chain(Clock.systemUTC(), 100);
    final JobBoard board;
    final TcpMiningServer server;

    TcpNode(int zeroBits, Duration idleTimeout) {
        this(zeroBits, idleTimeout, 0);
    }

    TcpNode(int zeroBits, Duration idleTimeout, int port) {
        this(zeroBits, idleTimeout, port, false);
    }

    TcpNode(int zeroBits, Duration idleTimeout, int port, boolean pushJobs) {
        this(zeroBits, idleTimeout, port, pushJobs, Duration.ofMillis(500));
    }

    /** @param stalledWrite how long a write to a miner may hang before the server closes that connection */
    TcpNode(int zeroBits, Duration idleTimeout, int port, boolean pushJobs, Duration stalledWrite) {
        this(zeroBits, idleTimeout, port, pushJobs, stalledWrite, NodeProperties.Tcp.Solutions.defaults());
    }

    /** @param solutions the limits on S frames (application.yml's by default) */
    TcpNode(int zeroBits, Duration idleTimeout, int port, boolean pushJobs, Duration stalledWrite,
            NodeProperties.Tcp.Solutions solutions) {
        board = new JobBoard(chain, BinaryDifficulty.fixed(chain, zeroBits), 1 << 20, pushJobs, solutions.hashingPermits());
        server = new TcpMiningServer(board, settings(port, zeroBits, idleTimeout, pushJobs, stalledWrite, solutions));
        server.start();
    }

    /** {@code node.tcp.*} with a fixed target and slots of 2^20. */
    static NodeProperties.Tcp settings(int port, int zeroBits, Duration idleTimeout, boolean pushJobs, Duration stalledWrite,
            NodeProperties.Tcp.Solutions solutions) {
        return new NodeProperties.Tcp(port, zeroBits, 1 << 20, idleTimeout, pushJobs, 4096, Duration.ZERO, 10, 8, 48, 4,
                stalledWrite, solutions);
    }

    int port() {
        return server.port();
    }

    RawMiner miner() {
        return new RawMiner(port());
    }

    @Override
    public void close() {
        server.stop();
        board.close();
    }
}
