package dev.blockmine.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw connections that ask a node for an event stream and never read it: their small receive buffers fill after a
 * few events, and every write the server makes to them then hangs until its write timeout. Closing them resets
 * them, so the server's stuck writes end at once.
 */
public final class StalledStreams implements AutoCloseable {

    private static final int STALLED_BUFFER = 1024;

    private final List<Socket> sockets = new ArrayList<>();

    /** Opens {@code count} stalled connections to {@code GET path} on the node at {@code port}. */
    public StalledStreams(int port, String path, int count) throws IOException {
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(open(port, path, STALLED_BUFFER));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** A raw connection that has asked for the event stream at {@code path}, with the receive buffer given. */
    public static Socket open(int port, String path, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.setSoLinger(true, 0); // a reset: the server's stuck writes end now
            socket.close();
        }
    }
}
