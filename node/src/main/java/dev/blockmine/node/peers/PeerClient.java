package dev.blockmine.node.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Talks to other nodes: reads their chain, announces our blocks. */
public final class PeerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration timeout;

    public PeerClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** The peer's chain, as served by its {@code GET /chain}. */
    public List<JsonNode> chain(String peer) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(peer + "/chain")).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(peer + "/chain answered " + response.statusCode());
        }
        try {
            JsonNode json = CanonicalJson.parse(response.body());
            if (!json.path("chain").isArray()) {
                throw new IOException(peer + "/chain holds no chain");
            }
            return List.copyOf(json.get("chain").values());
        } catch (JacksonException e) {
            throw new IOException(peer + "/chain is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Posts a block string to the peer's {@code POST /blocks}; returns the status. */
    public int announce(String peer, String blockString) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(peer + "/blocks")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(blockString)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
