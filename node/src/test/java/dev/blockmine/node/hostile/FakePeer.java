package dev.blockmine.node.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A peer in the test's hands: serves {@code GET /chain} as told (honestly or not), takes announced blocks, and counts
 * what it is asked. Shared by the hostile-peer tests and the consensus tests.
 */
public final class FakePeer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger chainRequests = new AtomicInteger();
    private final AtomicInteger blocksReceived = new AtomicInteger();
    private volatile HttpHandler chain = exchange -> send(exchange, Blocks.chainAnswer(List.of(Blocks.GENESIS)));

    public FakePeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a trickling answer holds only its own thread
        server.createContext("/chain", exchange -> {
            chainRequests.incrementAndGet();
            try (exchange) {
                chain.handle(exchange);
            } catch (IOException e) {
                // the node hung up on us: what a hostile peer hopes not to see
            }
        });
        server.createContext("/blocks", exchange -> {
            blocksReceived.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(201, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://" + hostAndPort();
    }

    /** As the course's clients register a node: no scheme. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void serveChain(List<String> blocks) {
        String answer = Blocks.chainAnswer(blocks);
        chain = exchange -> send(exchange, answer);
    }

    /** Answers {@code GET /chain} with {@code handler} instead. */
    public void serveChain(HttpHandler handler) {
        chain = handler;
    }

    int chainRequests() {
        return chainRequests.get();
    }

    int blocksReceived() {
        return blocksReceived.get();
    }

    static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
