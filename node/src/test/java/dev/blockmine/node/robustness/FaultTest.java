package dev.blockmine.node.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.ChainAssertions;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.ServedInTime;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * Misbehaving clients on real sockets. After each fault the node still answers a fresh client in time
 * ({@link ServedInTime#BOUND}),
 * and the chain it serves validates.
 */
@TestPropertySource(properties = "node.difficulty=3")
class FaultTest extends NodeOnRandomPort {

    private static final ProofRule RULE = new ProofRule(3);

    private final HttpClient fresh = HttpClient.newBuilder().connectTimeout(ServedInTime.BOUND).build();

    @AfterEach
    void nodeStillServesAndChainValidates() throws Exception {
        HttpResponse<String> lastBlock = fresh.send(HttpRequest.newBuilder(uri("/last_block"))
                .timeout(ServedInTime.BOUND).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lastBlock.statusCode()).isEqualTo(200);
        HttpResponse<String> served = fresh.send(HttpRequest.newBuilder(uri("/chain")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        ChainAssertions.assertValid(CanonicalJson.parse(served.body()), RULE);
        ChainAssertions.assertValid(chain, RULE);
        fresh.close();
    }

    @Test
    void clientsThatVanishMidRequestChangeNothing() throws Exception {
        int before = chain.blocks().size();
        BigInteger valid = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        String body = "{\"proof\": " + valid + ", \"id\": \"vanished\"}";
        for (int i = 0; i < 200; i++) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                String head = "POST /mine HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n";
                // cut the request somewhere in the headers or the body, then go away
                String request = head + body;
                out.write(request.substring(0, i % (request.length() - 1)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (i % 2 == 0) {
                    socket.setSoLinger(true, 0); // half the time a reset instead of a clean close
                }
            }
        }
        assertThat(chain.blocks()).hasSize(before);
    }

    @Test
    void clientsTricklingHeadersOneByteASecondPinNothing() throws Exception {
        AtomicBoolean trickling = new AtomicBoolean(true);
        CountDownLatch midHeaders = new CountDownLatch(300); // one count per client that has sent two bytes
        List<Socket> slow = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 300; i++) {
                Socket socket = connect();
                slow.add(socket);
                threads.submit(() -> {
                    byte[] header = "GET /last_block HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                    int sent = 0;
                    while (trickling.get()) {
                        socket.getOutputStream().write(header[sent++ % header.length]);
                        socket.getOutputStream().flush();
                        if (sent == 2) {
                            midHeaders.countDown();
                        }
                        Thread.sleep(1000);
                    }
                    return null;
                });
            }
            assertThat(midHeaders.await(60, TimeUnit.SECONDS)).as("every slow client is mid-headers").isTrue();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> answer = fresh.send(HttpRequest.newBuilder(uri("/last_block"))
                        .timeout(ServedInTime.BOUND).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
            }
            trickling.set(false);
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void tenThousandConnectionsOpenedAndDropped() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            try (Socket socket = connect()) {
                if (i % 3 == 0) {
                    socket.getOutputStream().write("GET /ch".getBytes(StandardCharsets.US_ASCII));
                }
                if (i % 2 == 0) {
                    socket.setSoLinger(true, 0);
                }
            }
        }
    }

    @Test
    void theSameValidProofSentAThousandTimesAtOnceWinsOnce() throws Exception {
        int before = chain.blocks().size();
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        String body = "{\"proof\": " + proof + ", \"id\": \"greedy\"}";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpRequest request = HttpRequest.newBuilder(uri("/mine")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int i = 0; i < 1000; i++) {
                statuses.add(threads.submit(() -> {
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                all.add(status.get());
            }
            Map<Integer, Long> counts = all.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 999L));
        }
        assertThat(chain.blocks()).hasSize(before + 1);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    private URI uri(String path) {
        return URI.create(url() + path);
    }
}
