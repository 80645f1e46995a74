package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * An HTTP request sent to the binary mining port (the README's old three-node example sent curl there) is answered
 * in HTTP, with a JSON message naming the HTTP port, instead of being read as frames; miners are served as before,
 * names that begin like a method included.
 */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.zero-bits=8"})
class HttpOnMiningPortTest extends NodeOnRandomPort {

    @Autowired
    TcpMiningServer tcp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anHttpClientIsToldWhereHttpIs() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tcp.port() + "/chain"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(CanonicalJson.parse(get.body()).get("message").stringValue())
                .isEqualTo("this is the binary mining port (see the protocol); HTTP is on port " + port);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tcp.port() + "/nodes/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nodes\": [\"http://localhost:5004\"]}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("HTTP is on port " + port);
    }

    @Test
    void everyMethodIsAnsweredInHttp() throws Exception {
        for (String method : new String[] {"HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
            try (Socket socket = new Socket("127.0.0.1", tcp.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write((method + " /nodes HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readAll(socket.getInputStream());
                assertThat(answer).as(method).startsWith("HTTP/1.1 400 ").contains("binary mining port");
            }
        }
    }

    @Test
    void minersWhoseNamesStartLikeAMethodAreMinersStill() {
        for (String name : new String[] {"ETA", "POSTMAN", "HEADS", "ET"}) { // G+"ETA" reads "GETA", G+"ET" "GET\0"
            try (RawMiner miner = new RawMiner(tcp.port())) {
                assertThat(miner.ask(name).zeroBits()).as(name).isEqualTo(8);
            }
        }
        try (RawMiner miner = new RawMiner(tcp.port())) { // an unknown type byte is still refused at once
            miner.sendRaw(new byte[] {'P', 0, 0});
            assertThat(miner.read()).isEqualTo(new Frame.Quit());
        }
        try (RawMiner miner = new RawMiner(tcp.port())) {
            miner.sendRaw(FrameCodec.encode(new Frame.Get("PUTTY")));
            assertThat(miner.read()).isInstanceOf(Frame.Task.class);
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
