package dev.blockmine.miner;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import dev.blockmine.pow.CanonicalJson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The node's HTTP API as the miner uses it. Every failure becomes a {@link NodeException} with a readable line. */
public final class NodeClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int EXCERPT = 80;

    private final OkHttpClient http;
    private final HttpUrl base;

    public NodeClient(String nodeUrl, Duration timeout) {
        this.base = parseUrl(nodeUrl);
        this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(true).build();
    }

    /** Accepts what users type: {@code http://host:port}, or just {@code host:port}. */
    static HttpUrl parseUrl(String nodeUrl) {
        String url = nodeUrl.contains("://") ? nodeUrl : "http://" + nodeUrl;
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not a node URL: " + nodeUrl + " (expected e.g. http://localhost:5000)");
        }
        return parsed;
    }

    public String url() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The last block, whether the node serves it wrapped ({@code {"last_block": …}}) or bare. */
    public JsonNode lastBlock() throws NodeException {
        return exchange(get(endpoint("last_block")), (status, body) -> {
            JsonNode json = successful("GET /last_block", status, body);
            if (json == null || !json.isObject()) {
                throw new NodeException("GET /last_block answered a non-JSON body: " + excerpt(body));
            }
            JsonNode block = json.has("last_block") ? json.get("last_block") : json;
            if (!block.isObject() || !block.has("index")) {
                throw new NodeException("GET /last_block answered JSON that holds no block: " + excerpt(body));
            }
            return block;
        });
    }

    /** The whole chain, from {@code GET /chain}. */
    public List<JsonNode> chain() throws NodeException {
        return exchange(get(endpoint("chain")), (status, body) -> {
            JsonNode json = successful("GET /chain", status, body);
            if (json == null || !json.path("chain").isArray()) {
                throw new NodeException("GET /chain answered something that holds no chain: " + excerpt(body));
            }
            return List.copyOf(json.get("chain").values());
        });
    }

    /** Posts {@code {"proof": proof, "id": minerId}} and reports the node's answer, whatever its status. */
    public NodeReply submit(BigInteger proof, String minerId) throws NodeException {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("proof", proof).put("id", minerId);
        return exchange(post(endpoint("mine"), json), NodeClient::reply);
    }

    /** {@code GET /balance?id=ID}: the node's {@code {"available", "balance", "id"}}. */
    public JsonNode balance(String id) throws NodeException {
        return getObject("balance", id);
    }

    /** {@code GET /nonce?id=ID}: the last nonce the address signed with, pending spends included (0 for none). */
    public long lastNonce(String address) throws NodeException {
        JsonNode nonce = getObject("nonce", address).path("nonce");
        if (!nonce.canConvertToLong()) {
            throw new NodeException("GET /nonce answered no nonce for " + address);
        }
        return nonce.longValue();
    }

    /** Posts a transaction and reports the node's answer, whatever its status. */
    public NodeReply sendTransaction(ObjectNode transaction) throws NodeException {
        return exchange(post(base.newBuilder().addPathSegments("transactions/new").build(), transaction), NodeClient::reply);
    }

    private JsonNode getObject(String path, String id) throws NodeException {
        return exchange(get(base.newBuilder().addPathSegment(path).addQueryParameter("id", id).build()), (status, body) -> {
            if (status == 404) {
                throw new NodeException("The node at " + url() + " has no GET /" + path + " (not a blockmine node with a ledger?)");
            }
            JsonNode json = successful("GET /" + path, status, body);
            if (json == null || !json.isObject()) {
                throw new NodeException("GET /" + path + " answered a non-JSON body: " + excerpt(body));
            }
            return json;
        });
    }

    /** How a caller reads the node's answer: its status and whole body. */
    @FunctionalInterface
    private interface Answer<T> {
        T read(int status, String body) throws NodeException;
    }

    /** Sends {@code request} and reads the answer; a node that cannot be reached is a {@link NodeException}. */
    private <T> T exchange(Request request, Answer<T> answer) throws NodeException {
        try (Response response = http.newCall(request).execute()) {
            return answer.read(response.code(), response.body().string());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).get().build();
    }

    private static Request post(HttpUrl url, ObjectNode json) {
        return new Request.Builder().url(url).post(RequestBody.create(CanonicalJson.encode(json), JSON)).build();
    }

    private static NodeReply reply(int status, String body) {
        return new NodeReply(status, messageOf(body));
    }

    /** The parsed body of a 2xx answer (null when it is not JSON); any other status says {@code what} answered it. */
    private static JsonNode successful(String what, int status, String body) throws NodeException {
        if (status < 200 || status >= 300) {
            throw new NodeException(what + " answered " + status + ": " + messageOf(body));
        }
        return parseOrNull(body);
    }

    /** The client every request goes through, to derive others from (the event stream's). */
    OkHttpClient http() {
        return http;
    }

    HttpUrl endpoint(String path) {
        return base.newBuilder().addPathSegment(path).build();
    }

    private NodeException unreachable(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new NodeException("Node at " + url() + " is unreachable (" + reason + ")");
    }

    /** The {@code message} of a JSON object body, or the start of any other body. */
    private static String messageOf(String body) {
        JsonNode json = parseOrNull(body);
        if (json != null && json.isObject() && json.path("message").isString()) {
            return json.get("message").stringValue();
        }
        return json == null ? "(non-JSON body) " + excerpt(body) : excerpt(body);
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return CanonicalJson.parse(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
    }
}
