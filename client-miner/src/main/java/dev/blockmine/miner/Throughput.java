package dev.blockmine.miner;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;
import dev.blockmine.pow.search.SearchControl;

/** Measures proofs per second: engines through their progress counter, the naive loops directly. */
final class Throughput {

    /** No proof meets it: the engines run until cancelled. */
    private static final ProofRule NEVER = new ProofRule(64);
    /** The most zero bits the binary rule takes: no nonce meets it in practice, so the search never stops early. */
    private static final int NEVER_BITS = 255;

    private Throughput() {
    }

    static BenchTable.Row http(EngineKind kind, int threads, String blockString, Duration warmUp, Duration measure) {
        try (ProofSearch search = Engines.proofSearch(kind, threads)) {
            double[] rate = engineRate(control -> search.search(blockString, NEVER, control), warmUp, measure);
            return new BenchTable.Row(search.name(), threads, rate[0], rate[1]);
        }
    }

    static BenchTable.Row binary(EngineKind kind, int threads, byte[] data, Duration warmUp, Duration measure) {
        try (NonceSearch search = Engines.nonceSearch(kind, threads)) {
            double[] rate = engineRate(control -> search.search(data, NEVER_BITS, 0, 1L << 32, control), warmUp, measure);
            return new BenchTable.Row(search.name(), threads, rate[0], rate[1]);
        }
    }

    /**
     * Runs a search in the background and counts the proofs it reports between the end of warm-up and the end:
     * per wall-clock second and per second of this process's CPU time.
     */
    private static double[] engineRate(Consumer<SearchControl> search, Duration warmUp, Duration measure) {
        SearchControl control = new SearchControl();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> search.accept(control));
        try {
            Thread.sleep(warmUp);
            long tried = control.tried();
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            Thread.sleep(measure);
            long triedAfter = control.tried();
            long cpuUsed = processCpuNanos() - cpu;
            long elapsed = System.nanoTime() - started;
            return new double[] {(triedAfter - tried) / (elapsed / 1e9), (triedAfter - tried) / (cpuUsed / 1e9)};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new double[] {Double.NaN, Double.NaN};
        } finally {
            control.cancel();
            running.join();
        }
    }

    /** What a first Java miner writes: {@code sha256((blockString + proof).getBytes())}, one proof after the other. */
    static BenchTable.Row naiveHttp(String blockString, Duration warmUp, Duration measure) {
        MessageDigest sha = ProofRule.sha256();
        return loopRate(proof -> ProofRule.COURSE.meets(
                sha.digest((blockString + proof).getBytes(StandardCharsets.UTF_8))), warmUp, measure);
    }

    /** {@code sha256(LE32(nonce) ‖ data)} on a fresh array per nonce. */
    static BenchTable.Row naiveBinary(byte[] data, Duration warmUp, Duration measure) {
        MessageDigest sha = ProofRule.sha256();
        return loopRate(nonce -> {
            byte[] message = new byte[4 + data.length];
            message[0] = (byte) nonce;
            message[1] = (byte) (nonce >>> 8);
            message[2] = (byte) (nonce >>> 16);
            message[3] = (byte) (nonce >>> 24);
            System.arraycopy(data, 0, message, 4, data.length);
            return ProofRule.hasLeadingZeroBits(sha.digest(message), 24);
        }, warmUp, measure);
    }

    private interface Attempt {
        boolean tryProof(long proof);
    }

    private static BenchTable.Row loopRate(Attempt attempt, Duration warmUp, Duration measure) {
        long proof = 0;
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        int found = 0;
        while (System.nanoTime() < warmUpEnd) {
            for (int i = 0; i < 1000; i++) {
                found += attempt.tryProof(proof++) ? 1 : 0;
            }
        }
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        long end = started + measure.toNanos();
        long tried = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                found += attempt.tryProof(proof++) ? 1 : 0;
            }
            tried += 1000;
        }
        double rate = tried / ((System.nanoTime() - started) / 1e9);
        double perCpu = tried / ((processCpuNanos() - cpu) / 1e9);
        // `found` keeps the JIT from dropping the digests
        return new BenchTable.Row(found < 0 ? "?" : "java naive loop", 1, rate, perCpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** 1024 fixed pseudo-random bytes, the size of a binary-protocol job. */
    static byte[] benchData() {
        byte[] data = new byte[1024];
        new Random(1024).nextBytes(data);
        return data;
    }
}
