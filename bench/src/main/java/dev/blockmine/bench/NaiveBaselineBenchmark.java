package dev.blockmine.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.blockmine.pow.ProofRule;

/** The loops a first Java miner would write, one proof per call, in proofs per microsecond (= M/s). */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NaiveBaselineBenchmark {

    private final MessageDigest sha = ProofRule.sha256();
    private final byte[] data = new byte[1024];
    private long proof;
    private int nonce;

    public NaiveBaselineBenchmark() {
        new Random(1024).nextBytes(data);
    }

    /** {@code sha256((blockString + proof).getBytes())}. */
    @Benchmark
    public byte[] httpRule() {
        return sha.digest((HttpRuleBenchmark.BLOCK_STRING + proof++).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256(LE32(nonce) ‖ data)} on a fresh array per nonce. */
    @Benchmark
    public byte[] binaryRule() {
        byte[] message = new byte[4 + data.length];
        int n = nonce++;
        message[0] = (byte) n;
        message[1] = (byte) (n >>> 8);
        message[2] = (byte) (n >>> 16);
        message[3] = (byte) (n >>> 24);
        System.arraycopy(data, 0, message, 4, data.length);
        return sha.digest(message);
    }
}
