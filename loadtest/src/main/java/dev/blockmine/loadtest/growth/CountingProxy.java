package dev.blockmine.loadtest.growth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** A TCP forwarder to a node that counts the bytes the node sends back: what a peer's sync costs on the wire. */
final class CountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong answered = new AtomicLong();

    CountingProxy(int targetPort) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    Thread.ofVirtual().start(() -> pipe(client, target, null));
                    Thread.ofVirtual().start(() -> pipe(target, client, answered));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void pipe(Socket from, Socket to, AtomicLong counted) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (counted != null) {
                    counted.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // closed
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Bytes the node sent back since the last call. */
    long takeAnswered() {
        return answered.getAndSet(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
