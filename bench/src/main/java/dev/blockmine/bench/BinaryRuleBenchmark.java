package dev.blockmine.bench;

import java.util.Random;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import dev.blockmine.pow.engine.KernelCalls;

/**
 * Binary rule (1024 data bytes), one thread, in nonces per microsecond (= M/s): the kernels,
 * {@link KernelCalls#NONCES_PER_CALL} nonces per call. {@link NaiveBaselineBenchmark} has the naive loop to compare
 * with. Run: {@code java -jar bench/target/benchmarks.jar BinaryRule}.
 */
public class BinaryRuleBenchmark extends KernelBenchmark {

    private KernelCalls calls;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] data = new byte[1024];
        new Random(1024).nextBytes(data);
        calls = KernelCalls.binaryRule(kind(), data, 24);
    }

    @Benchmark
    @OperationsPerInvocation(KernelCalls.NONCES_PER_CALL)
    public int kernel() {
        return calls.next();
    }
}
