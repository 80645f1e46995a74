package dev.blockmine.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The load tool's client against a scripted server: keep-alive, chunked bodies, and servers that close. */
class KeepAliveConnectionTest {

    /** Answers each request on a connection with the next scripted response; counts connections. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile int connections;

        ScriptedServer(List<String> responses) throws Exception {
            Thread.ofVirtual().start(() -> {
                int next = 0;
                try {
                    while (next < responses.size()) {
                        try (Socket client = socket.accept()) {
                            connections++;
                            InputStream in = client.getInputStream();
                            OutputStream out = client.getOutputStream();
                            while (next < responses.size()) {
                                String request = readRequest(in);
                                if (request == null) {
                                    break;
                                }
                                requests.add(request);
                                String response = responses.get(next++);
                                out.write(response.getBytes(StandardCharsets.UTF_8));
                                out.flush();
                                if (response.contains("Connection: close") || response.startsWith("HTTP/1.0")) {
                                    break;
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    // test over
                }
            });
        }

        private static String readRequest(InputStream in) throws Exception {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                String text = head.toString(StandardCharsets.US_ASCII);
                if (text.endsWith("\r\n\r\n")) {
                    int length = 0;
                    for (String line : text.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void keepsTheConnectionAliveAndReadsChunkedBodies() throws Exception {
        List<String> responses = new ArrayList<>();
        responses.add("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        responses.add("HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n");
        try (ScriptedServer server = new ScriptedServer(responses);
                KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.socket.getLocalPort(), 5000)) {
            assertThat(connection.get("/last_block")).isEqualTo(new HttpReply(200, "{}"));
            assertThat(connection.postJson("/mine", "{\"proof\": 1}")).isEqualTo(new HttpReply(409, "{\"a\": 1}"));
            assertThat(server.connections).isEqualTo(1);
            assertThat(server.requests.get(1)).startsWith("POST /mine HTTP/1.1\r\n").endsWith("\r\n\r\n{\"proof\": 1}")
                    .contains("Content-Length: 12");
        }
    }

    @Test
    void reconnectsAfterAnHttp10ServerCloses() throws Exception {
        List<String> responses = List.of(
                "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n{\"x\"",
                "HTTP/1.1 400 BAD REQUEST\r\nConnection: close\r\n\r\nno length, read to the end");
        try (ScriptedServer server = new ScriptedServer(responses);
                KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.socket.getLocalPort(), 5000)) {
            assertThat(connection.get("/a").body()).isEqualTo("{\"x\"");
            assertThat(connection.get("/b")).isEqualTo(new HttpReply(400, "no length, read to the end"));
            assertThat(server.connections).isEqualTo(2);
        }
    }
}
