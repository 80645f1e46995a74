package dev.blockmine.loadtest.http;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import dev.blockmine.loadtest.Percentiles;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * N miners against the server at {@code host:port}, whose proofs must meet {@code rule}, each a virtual thread with
 * its own keep-alive connection, looping: {@code GET /last_block}, then {@code POST /mine} with a realistic mix:
 * mostly invalid proofs, some stale ones (valid for an earlier block), a few valid ones found by a real search.
 * Closed loop by default (as fast as the server answers); with a pace, each miner starts one GET+POST round per
 * interval, as real miners that poll do.
 */
record SimulatedMiners(String host, int port, ProofRule rule) {

    /** Share of rounds that post a valid proof for the current block (when one has been found). */
    static final double VALID_SHARE = 0.002;
    /** Share of rounds that post a stale proof. */
    static final double STALE_SHARE = 0.10;

    LoadResult run(String server, int miners, Duration duration, Duration pace) throws InterruptedException {
        ProofSupply supply = new ProofSupply(rule);
        LongAdder requests = new LongAdder();
        LongAdder submissions = new LongAdder();
        LongAdder errors = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Latencies> lastBlockLatencies = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < miners; i++) {
                Latencies mine = new Latencies();
                Latencies lastBlock = new Latencies();
                latencies.add(mine);
                lastBlockLatencies.add(lastBlock);
                String id = "load-" + i;
                threads.submit(() -> mine(id, supply, deadline, pace, mine, lastBlock, requests, submissions, errors, statuses));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Percentiles all = Latencies.merge(latencies);
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new LoadResult(server, miners, pace.isZero() ? "closed loop" : "1 round / " + pace.toMillis() + " ms",
                took, requests.sum(), submissions.sum(), errors.sum(), all.millisAt(50), all.millisAt(99), byStatus,
                Latencies.merge(lastBlockLatencies).millisAt(99));
    }

    private void mine(String id, ProofSupply supply, long deadline, Duration pace, Latencies latencies,
            Latencies lastBlockLatencies, LongAdder requests,
            LongAdder submissions, LongAdder errors, Map<Integer, LongAdder> statuses) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long next = System.nanoTime() + (pace.isZero() ? 0 : random.nextLong(pace.toNanos())); // spread the starts
        String lastBody = null;
        String blockString = null;
        try (KeepAliveConnection connection = new KeepAliveConnection(host, port, 10_000)) {
            while (true) {
                if (!pace.isZero()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    next += pace.toNanos();
                }
                if (System.nanoTime() >= deadline) {
                    return;
                }
                try {
                    long t0 = System.nanoTime();
                    HttpReply reply = connection.get("/last_block");
                    latencies.add(System.nanoTime() - t0);
                    lastBlockLatencies.add(System.nanoTime() - t0);
                    requests.increment();
                    if (!reply.body().equals(lastBody)) { // like a miner, re-derive the block string when the block changes
                        JsonNode block = blockOf(reply);
                        if (block == null) {
                            errors.increment();
                            continue;
                        }
                        lastBody = reply.body();
                        blockString = CanonicalJson.encode(block);
                    }
                    BigInteger proof = chooseProof(blockString, supply, random);
                    String body = "{\"proof\": " + proof + ", \"id\": \"" + id + "\"}";
                    t0 = System.nanoTime();
                    reply = connection.postJson("/mine", body);
                    latencies.add(System.nanoTime() - t0);
                    requests.increment();
                    submissions.increment();
                    statuses.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
                    if (reply.status() >= 500 || !isJsonObject(reply.body())) {
                        errors.increment();
                    }
                } catch (IOException | RuntimeException e) {
                    errors.increment();
                    connection.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BigInteger chooseProof(String blockString, ProofSupply supply, ThreadLocalRandom random) {
        double roll = random.nextDouble();
        if (roll < VALID_SHARE) {
            Optional<BigInteger> valid = supply.validFor(blockString);
            if (valid.isPresent()) {
                return valid.get();
            }
        } else if (roll < VALID_SHARE + STALE_SHARE) {
            Optional<BigInteger> stale = supply.stale();
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        return BigInteger.valueOf(random.nextLong(Long.MAX_VALUE)); // invalid but for a 1-in-65,536 chance
    }

    private static JsonNode blockOf(HttpReply reply) {
        if (reply.status() != 200) {
            return null;
        }
        try {
            JsonNode json = CanonicalJson.parse(reply.body());
            JsonNode block = json.has("last_block") ? json.get("last_block") : json;
            return block.isObject() ? block : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isJsonObject(String body) {
        try {
            return CanonicalJson.parse(body).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
