package dev.blockmine.node.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.blockmine.node.ServedInTime;

/**
 * An honest client asking {@code GET /last_block} on a fresh connection every 100 ms while an attack goes on, each
 * within {@link ServedInTime#BOUND}; it records every answer that is not a 200 in time.
 */
final class Bystander implements AutoCloseable {

    private final Thread thread;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean stopped;

    Bystander(String nodeUrl) {
        thread = Thread.ofVirtual().start(() -> {
            while (!stopped) {
                try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(ServedInTime.BOUND).build()) {
                    HttpResponse<String> answer = fresh.send(HttpRequest.newBuilder(URI.create(nodeUrl + "/last_block"))
                            .timeout(ServedInTime.BOUND).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        served.incrementAndGet();
                    } else {
                        failures.add(java.time.Instant.now() + " status " + answer.statusCode());
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.add(java.time.Instant.now() + " " + e); // when, to set against the attack
                }
            }
        });
    }

    /**
     * Waits until the node has answered once, and forgets what failed before: the very first requests to a node
     * just started, on a loaded machine, can take over a second (class loading, a cold JIT), attack or not.
     */
    Bystander warmedUp() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> served.get() > 0);
        failures.clear();
        return this;
    }

    /** Answers served in time so far. */
    int served() {
        return served.get();
    }

    Queue<String> failures() {
        return failures;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }
}
