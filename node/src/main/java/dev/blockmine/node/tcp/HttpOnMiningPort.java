package dev.blockmine.node.tcp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.blockmine.pow.CanonicalJson;

/**
 * An HTTP client that dialled the binary mining port (curl on 5001 instead of 5000) is told so in HTTP, instead of
 * being read as frames: the G of GET would start a G frame and the rest of the request be refused as unknown frames.
 * <p>
 * A miner is never delayed: only a first byte that can start a request line is looked at further, one byte at a time
 * and only while the bytes still spell a method and a space ({@code GET }, {@code POST }, ...), and a miner sends its
 * G frame (11 bytes) whole. The one overlap is a G frame whose name begins with {@code "ET "}: it reads as HTTP.
 */
final class HttpOnMiningPort {

    private static final Logger log = LoggerFactory.getLogger(HttpOnMiningPort.class);
    private static final List<byte[]> METHODS = List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ",
            "PATCH ", "CONNECT ", "TRACE ", "PRI ").stream().map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final int LONGEST = METHODS.stream().mapToInt(m -> m.length).max().orElseThrow() + 1;
    /** What is read of the request after the answer, so that closing does not reset the answer away. */
    private static final int DRAIN_BYTES = 64 * 1024;
    private static final int DRAIN_MILLIS = 1000;

    private final IntSupplier httpPort;
    private final AtomicBoolean told = new AtomicBoolean();

    /** @param httpPort the node's HTTP port, or a negative number when it is not known */
    HttpOnMiningPort(IntSupplier httpPort) {
        this.httpPort = httpPort;
    }

    /**
     * Whether the connection starts with an HTTP request line; reads nothing as far as the frames are concerned (the
     * bytes looked at are reset). Blocks only while the bytes so far spell the start of a method.
     */
    static boolean startsWithHttp(BufferedInputStream in) throws IOException {
        in.mark(LONGEST);
        try {
            byte[] seen = new byte[LONGEST];
            for (int length = 0; length < LONGEST; length++) {
                int next = in.read();
                if (next < 0) {
                    return false;
                }
                seen[length] = (byte) next;
                boolean prefix = false;
                for (byte[] method : METHODS) {
                    if (length == method.length) {
                        if (matches(method, seen, method.length)) {
                            return next != 0; // "GET " then the target; a G frame for the name "ET " has NUL here
                        }
                    } else if (length < method.length && matches(method, seen, length + 1)) {
                        prefix = true;
                    }
                }
                if (!prefix) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static boolean matches(byte[] method, byte[] seen, int length) {
        for (int i = 0; i < length; i++) {
            if (method[i] != seen[i]) {
                return false;
            }
        }
        return true;
    }

    /** Answers 400 with a JSON message saying where HTTP is, then closes (after reading what the client still sends). */
    void answer(Socket socket, InputStream in, String peer) throws IOException {
        int port = httpPort.getAsInt();
        String message = "this is the binary mining port (see the protocol); HTTP is on "
                + (port > 0 ? "port " + port : "another port");
        if (told.compareAndSet(false, true)) {
            log.info("An HTTP request from {} reached the binary mining port; told it: {} (further ones are logged at DEBUG)",
                    peer, message);
        } else {
            log.debug("An HTTP request from {} reached the binary mining port", peer);
        }
        byte[] body = ("{\"message\": " + CanonicalJson.quote(message) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream out = socket.getOutputStream();
        out.write(head);
        out.write(body);
        out.flush();
        socket.shutdownOutput();
        socket.setSoTimeout(DRAIN_MILLIS);
        byte[] sink = new byte[4096];
        try {
            for (int drained = 0, read; drained < DRAIN_BYTES && (read = in.read(sink)) >= 0; ) {
                drained += read;
            }
        } catch (SocketTimeoutException e) {
            // the client keeps the connection open: it has its answer, close anyway
        }
    }
}
