package dev.blockmine.loadtest.http;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

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
 * interval, as real miners that poll do, and latency is counted from when each round was due ({@link RoundSchedule}).
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
        Latencies latencies = new Latencies(Percentiles.recorder(), Percentiles.recorder());
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < miners; i++) {
                String id = "load-" + i;
                // paced miners start at a random point of the first interval: not all at once
                RoundSchedule schedule = pace.isZero() ? RoundSchedule.closedLoop()
                        : RoundSchedule.paced(pace, start + ThreadLocalRandom.current().nextLong(pace.toNanos()));
                threads.submit(() -> mine(id, supply, deadline, schedule, latencies, requests, submissions, errors, statuses));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Percentiles all = Percentiles.of(latencies.all().getIntervalHistogram());
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new LoadResult(server, miners, pace.isZero() ? "closed loop" : "1 round / " + pace.toMillis() + " ms",
                took, requests.sum(), submissions.sum(), errors.sum(), all.millisAt(50), all.millisAt(99), byStatus,
                Percentiles.of(latencies.lastBlock().getIntervalHistogram()).millisAt(99));
    }

    /** Every request's latency, and {@code GET /last_block}'s alone; shared by all miners. */
    private record Latencies(Recorder all, Recorder lastBlock) {
    }

    /**
     * One miner's rounds until the deadline. A round's {@code GET /last_block} is timed from when the round was due,
     * its {@code POST /mine} from when it was sent (right after the GET's answer: when it was due).
     */
    private void mine(String id, ProofSupply supply, long deadline, RoundSchedule schedule, Latencies latencies,
            LongAdder requests, LongAdder submissions, LongAdder errors, Map<Integer, LongAdder> statuses) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String lastBody = null;
        String blockString = null;
        try (KeepAliveConnection connection = new KeepAliveConnection(host, port, 10_000)) {
            while (true) {
                long due = schedule.awaitNext();
                if (due >= deadline) {
                    return; // a round due before the deadline still runs, however late
                }
                try {
                    HttpReply reply = connection.get("/last_block");
                    long took = System.nanoTime() - due;
                    latencies.all().recordValue(took);
                    latencies.lastBlock().recordValue(took);
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
                    long sent = System.nanoTime();
                    reply = connection.postJson("/mine", body);
                    latencies.all().recordValue(System.nanoTime() - sent);
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
