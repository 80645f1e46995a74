package dev.blockmine.loadtest.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client on one socket, reused while the server keeps it alive (as a miner's
 * {@code requests.Session} would) and reopened when the server closes it (Flask's HTTP/1.0 server does, after
 * every response). Light enough that thousands run on virtual threads without the client being the bottleneck.
 */
final class KeepAliveConnection implements Closeable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    // our own read buffer: BufferedInputStream takes a lock per byte read
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    KeepAliveConnection(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    HttpReply get(String path) throws IOException {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    HttpReply postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return exchange(request);
    }

    private HttpReply exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchangeOnce(request);
        } catch (EOFException e) {
            if (!reused) {
                throw e;
            }
            close(); // the server closed an idle keep-alive connection: one retry on a new one
            return exchangeOnce(request);
        }
    }

    private HttpReply exchangeOnce(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        boolean keepAlive = parts[0].equals("HTTP/1.1");
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
                default -> { }
            }
        }
        String body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = new String(readBytes((int) contentLength), StandardCharsets.UTF_8);
        } else {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int b = read(); b != -1; b = read()) {
                all.write(b);
            }
            body = all.toString(StandardCharsets.UTF_8);
            keepAlive = false;
        }
        if (!keepAlive) {
            close();
        }
        return new HttpReply(status, body);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("truncated chunked body");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readBytes(size));
            readLine();
        }
    }

    /** A CRLF-terminated line, or null at end of stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    private byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int filled = Math.min(count, limit - position);
        System.arraycopy(buffer, position, bytes, 0, filled);
        position += filled;
        while (filled < count) {
            int n = in.read(bytes, filled, count - filled);
            if (n < 0) {
                throw new EOFException("body cut short");
            }
            filled += n;
        }
        return bytes;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        in = socket.getInputStream();
        position = 0;
        limit = 0;
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
