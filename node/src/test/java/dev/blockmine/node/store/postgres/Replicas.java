package dev.blockmine.node.store.postgres;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.blockmine.node.NodeApplication;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.tcp.TcpMiningServer;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/** Replicas of one node in this JVM: whole nodes on random HTTP and TCP ports sharing one new database. */
public final class Replicas implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    public Replicas(int count, String... properties) {
        this(TestPostgres.newDatabase(), count, properties);
    }

    /** Replicas on a database given as its JDBC URL. */
    public Replicas(String database, int count, String... properties) {
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--node.tcp.port=0", "--node.store=postgres",
                    "--spring.datasource.url=" + database, "--spring.datasource.hikari.maximum-pool-size=20"));
            for (String property : properties) {
                args.add("--" + property);
            }
            nodes.add(new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new)));
        }
    }

    public int size() {
        return nodes.size();
    }

    public String url(int replica) {
        return "http://127.0.0.1:" + nodes.get(replica).getEnvironment().getProperty("local.server.port");
    }

    public int tcpPort(int replica) {
        return nodes.get(replica).getBean(TcpMiningServer.class).port();
    }

    public Chain chain(int replica) {
        return nodes.get(replica).getBean(Chain.class);
    }

    /**
     * An await on what replicas in this JVM hold in memory (a tip, a chain): looked at at once and every 10 ms, as a
     * look costs nothing and a notification takes milliseconds (Awaitility's first look comes after 100 ms).
     */
    public static ConditionFactory awaitInMemory(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    /** Waits until every replica has the same tip (each hears of the others' blocks by notification), and returns it. */
    public SealedBlock commonTip() {
        awaitInMemory(Duration.ofSeconds(10))
                .until(() -> IntStream.range(1, size()).allMatch(r -> chain(r).tip().equals(chain(0).tip())));
        return chain(0).tip();
    }

    /** A bean of one replica's application context. */
    public <T> T bean(int replica, Class<T> type) {
        return nodes.get(replica).getBean(type);
    }

    public HttpResponse<String> post(int replica, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(replica) + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(int replica, String path) throws IOException, InterruptedException {
        return CanonicalJson.parse(HTTP.send(HttpRequest.newBuilder(URI.create(url(replica) + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }
}
