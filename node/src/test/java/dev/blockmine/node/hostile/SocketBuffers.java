package dev.blockmine.node.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The most one loopback TCP connection can hold in flight: the receiver's buffer at its autotuned maximum plus the
 * sender's. A test that counts what a peer got out before the node hung up can only bound it by this, and the kernel
 * decides it, not the node.
 */
final class SocketBuffers {

    /** Used where the kernel's settings cannot be read (not Linux): generous, and still far below a whole chain. */
    private static final long UNKNOWN = 64L * 1024 * 1024;

    private SocketBuffers() {
    }

    static long mostAConnectionHolds() {
        try {
            return largest("tcp_rmem") + largest("tcp_wmem");
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The third of the three numbers "min default max" in /proc/sys/net/ipv4/tcp_rmem or tcp_wmem. */
    private static long largest(String name) throws IOException {
        String[] values = Files.readString(Path.of("/proc/sys/net/ipv4", name)).trim().split("\\s+");
        return Long.parseLong(values[2]);
    }
}
