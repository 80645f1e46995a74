package dev.blockmine.node.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.blockmine.pow.CanonicalJson;
import tools.jackson.databind.JsonNode;

/** A client of {@code GET /events} that reads every line: the data of each tip event, and how many comments came. */
final class EventReader implements AutoCloseable {

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<JsonNode> tips = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    volatile int comments;

    EventReader(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Accept", "text/event-stream").build();
        response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    private void read() {
        String type = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:") && TipEvents.TIP.equals(type)) {
                    tips.add(CanonicalJson.parse(line.substring(5).strip()));
                } else if (line.startsWith(":")) {
                    comments++;
                }
            }
        } catch (RuntimeException e) {
            // the stream ended
        }
    }

    /** The next tip event's data, waiting up to 30 s. */
    JsonNode next() throws InterruptedException {
        JsonNode tip = tips.poll(30, TimeUnit.SECONDS);
        if (tip == null) {
            throw new AssertionError("no tip event within 30 s");
        }
        return tip;
    }

    /** The tip events already received, none waited for. */
    int waiting() {
        return tips.size();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
