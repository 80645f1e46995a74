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
        board = new JobBoard(chain, BinaryDifficulty.fixed(chain, zeroBits), 1 << 20, pushJobs);
        server = new TcpMiningServer(board, new NodeProperties.Tcp(port, zeroBits, 1 << 20, idleTimeout, pushJobs, 4096,
                Duration.ZERO, 10, 8, 48, 4, stalledWrite));
        server.start();
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
