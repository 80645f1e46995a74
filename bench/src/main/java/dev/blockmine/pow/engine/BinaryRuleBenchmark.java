package dev.blockmine.pow.engine;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.blockmine.pow.ProofRule;

/**
 * Binary rule (1024 data bytes), one thread, in nonces per microsecond (= M/s): the kernels, 16 nonces per
 * call. {@link NaiveBaselineBenchmark} has the naive loop to compare with.
 * Run: {@code java -jar bench/target/benchmarks.jar BinaryRule}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class BinaryRuleBenchmark {

    @Param({"scalar", "vector"})
    public String kernel;

    private final byte[] data = new byte[1024];
    private NonceKernel nonces;
    private int base;
    private int mask;

    @Setup(Level.Trial)
    public void setUp() {
        new Random(1024).nextBytes(data);
        Kernels kernels = kernel.equals("vector") ? new VectorKernels() : new ScalarKernels();
        nonces = kernels.nonce(NonceJob.of(data));
        mask = ProofRule.firstWordMask(24);
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public int kernel() {
        int hits = nonces.scan(base, mask);
        base += 16;
        return hits;
    }
}
