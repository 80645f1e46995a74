package dev.blockmine.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.blockmine.pow.engine.EngineKind;

/**
 * What the kernel benchmarks share (JMH reads these annotations from the superclass): one thread, throughput in
 * calls' worth of proofs per microsecond (= M/s), each kernel family in a fork of its own with the Vector API module.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public abstract class KernelBenchmark {

    @Param({"scalar", "vector"})
    public String kernel;

    EngineKind kind() {
        return EngineKind.valueOf(kernel.toUpperCase(java.util.Locale.ROOT));
    }
}
