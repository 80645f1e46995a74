package dev.blockmine.node.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.blockmine.node.ServedInTime;

/**
 * An honest client asking {@code GET /last_block} on a fresh connection every 100 ms while an attack goes on, each
 * within {@link ServedInTime#BOUND}; it records every answer that is not a 200 in time, and prints on closing how
 * many were served and the slowest (a measurement for the README's security section, not an assertion: the slowest
 * answer depends on the machine's load).
 */
final class Bystander implements AutoCloseable {

    private final Thread thread;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final String attack = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .getCallerClass().getSimpleName();
    private volatile boolean stopped;

    Bystander(String nodeUrl) {
        thread = Thread.ofVirtual().start(() -> {
            while (!stopped) {
                try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(ServedInTime.BOUND).build()) {
                    long asked = System.nanoTime();
                    HttpResponse<String> answer = fresh.send(HttpRequest.newBuilder(URI.create(nodeUrl + "/last_block"))
                            .timeout(ServedInTime.BOUND).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        slowestNanos.accumulateAndGet(System.nanoTime() - asked, Math::max);
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
        slowestNanos.set(0);
        served.set(0);
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
        System.out.printf("Bystander of %s: %d GET /last_block served, the slowest in %.1f ms, %d not in time (load average %s)%n",
                attack, served.get(), slowestNanos.get() / 1e6, failures.size(), loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
