package dev.blockmine.pow.engine;

import java.nio.charset.StandardCharsets;
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
 * HTTP rule, one thread, in proofs per microsecond (= M proofs/s): the kernels, 16 proofs per call, counter
 * stepping included. {@link NaiveBaselineBenchmark} has the naive loop to compare with.
 * Run: {@code java -jar bench/target/benchmarks.jar HttpRule} (forks get the Vector API module themselves).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class HttpRuleBenchmark {

    static final String BLOCK_STRING = "{\"index\": 1, \"previous_hash\": \"1\", \"proof\": 100, \"timestamp\": 1700000000.1234567, \"transactions\": []}";

    @Param({"scalar", "vector"})
    public String kernel;

    private TailKernel tail;
    private ProofBatch batch;
    private long nextBatch;
    private int mask;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] prefix = BLOCK_STRING.getBytes(StandardCharsets.UTF_8);
        ProofLayout layout = ProofLayout.choose(prefix.length, 24);
        SlotDigits slots = SlotDigits.of(layout);
        Kernels kernels = kernel.equals("vector") ? new VectorKernels() : new ScalarKernels();
        tail = kernels.tail(slots);
        batch = new ProofBatch(prefix, layout, ProofBatch.prefixChain(prefix), slots);
        batch.start(nextBatch++);
        mask = ProofRule.firstWordMask(24);
    }

    @Benchmark
    @OperationsPerInvocation(ProofLayout.SLOTS)
    public int kernel() {
        int hits = tail.scan(batch.words(), batch.state(), batch.slotRound(), batch.chain(), batch.paddingKw(), mask);
        if (!batch.advance()) {
            batch.start(nextBatch++);
        }
        return hits;
    }
}
