package dev.blockmine.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import dev.blockmine.pow.engine.KernelCalls;

/**
 * HTTP rule, one thread, in proofs per microsecond (= M proofs/s): the kernels, {@link KernelCalls#PROOFS_PER_CALL}
 * proofs per call, counter stepping included. {@link NaiveBaselineBenchmark} has the naive loop to compare with.
 * Run: {@code java -jar bench/target/benchmarks.jar HttpRule} (forks get the Vector API module themselves).
 */
public class HttpRuleBenchmark extends KernelBenchmark {

    static final String BLOCK_STRING = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.1234567, \"transactions\": []}";

    private KernelCalls calls;

    @Setup(Level.Trial)
    public void setUp() {
        calls = KernelCalls.httpRule(kind(), BLOCK_STRING, 24);
    }

    @Benchmark
    @OperationsPerInvocation(KernelCalls.PROOFS_PER_CALL)
    public int kernel() {
        return calls.next();
    }
}
