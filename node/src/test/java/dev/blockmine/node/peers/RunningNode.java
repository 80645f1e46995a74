package dev.blockmine.node.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.blockmine.node.NodeApplication;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.mining.BlockForge;
import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/** A whole node on a random port in this JVM, for tests that need several. */
public final class RunningNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final ConfigurableApplicationContext context;
    public final String url;

    public RunningNode(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        for (String property : properties) {
            args.add("--" + property); // command-line arguments outrank application.yml
        }
        context = new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
        url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public Chain chain() {
        return context.getBean(Chain.class);
    }

    public BlockForge forge() {
        return context.getBean(BlockForge.class);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return CanonicalJson.parse(response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
