package dev.blockmine.node.tcp;

import java.time.Clock;
import java.time.Duration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;

/** A chain with the TCP server on a port it binds itself, without Spring: for protocol tests that need no HTTP. */
final class TcpNode implements AutoCloseable {

    final Chain chain = new Chain(Clock.systemUTC(), 100);
    final JobBoard board;
    final TcpMiningServer server;

    /** A fixed target of {@code zeroBits}, otherwise the default settings ({@link NodeProperties.Tcp#defaults()}). */
    TcpNode(int zeroBits, Duration idleTimeout) {
        this(settings(zeroBits).idleTimeout(idleTimeout).build());
    }

    /** @param settings {@code node.tcp.*}; a target retargeting would move is held fixed at {@code zeroBits} */
    TcpNode(NodeProperties.Tcp settings) {
        board = new JobBoard(chain, BinaryDifficulty.fixed(chain, settings.zeroBits()), settings.slot(), settings.pushJobs(),
                settings.solutions().hashingPermits());
        server = new TcpMiningServer(board, settings);
        server.start();
    }

    /**
     * {@code node.tcp.*} for tests: port 0 (the server binds a free port and says which) and {@code zeroBits}. Every
     * test miner connects from this machine, so the per-address cap is lifted unless a test sets it.
     */
    static NodeProperties.Tcp.Builder settings(int zeroBits) {
        return NodeProperties.Tcp.builder().port(0).zeroBits(zeroBits).maxConnectionsPerAddress(100_000);
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
