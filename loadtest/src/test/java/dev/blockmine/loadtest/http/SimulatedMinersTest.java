package dev.blockmine.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.blockmine.pow.ProofRule;

/** The paced load against a server that stalls once: latency counts from when each round was due. */
class SimulatedMinersTest {

    private static final String BLOCK = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.5, \"transactions\": []}";

    @Test
    void aOneSecondStallInAPacedRunShowsInTheP99MeasuredFromWhenEachRoundWasDue() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // one thread: a stall holds all
        server.createContext("/last_block", exchange -> {
            if (gets.incrementAndGet() == 5) {
                try {
                    Thread.sleep(1_000); // the stall
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, 200, "{\"last_block\": " + BLOCK + "}");
        });
        server.createContext("/mine", exchange -> answer(exchange, 400, "{\"message\": \"Invalid proof\"}"));
        server.start();
        try {
            SimulatedMiners load = new SimulatedMiners("127.0.0.1", server.getAddress().getPort(), new ProofRule(1));
            LoadResult result = load.run("stalling", 1, Duration.ofSeconds(2), Duration.ofMillis(10));

            // 200 rounds are due in the 2 s, one every 10 ms; about 100 of them fall due during the stall and wait
            // for it from their due time: 0 to 1,000 ms, at least 900 ms for the first 10, 5% of the GETs and 2.5%
            // of all requests. Timed from when they were sent, the stall would be one sample of 1 s among 400.
            assertThat(result.lastBlockP99Millis()).isGreaterThan(900);
            assertThat(result.p99Millis()).isGreaterThan(900);
            assertThat(result.p50Millis()).as("most rounds are on time").isLessThan(900);
            assertThat(result.errors()).isZero();
            assertThat(result.requests()).as("every round due before the end ran, the late ones too").isGreaterThan(300);
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
