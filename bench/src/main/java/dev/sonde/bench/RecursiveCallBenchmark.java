package dev.sonde.bench;

import java.util.concurrent.TimeUnit;

import bench.monitored.ClockedTarget;
import bench.monitored.MonitoredTarget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MooBench-style overhead benchmark: one operation is a call chain of {@code depth} (default 10)
 * empty recursive calls into {@link MonitoredTarget#recurse(int)}. Run it once without the agent
 * (baseline) and once with it ({@code -jvmArgsAppend -javaagent:...}); the difference divided by
 * the depth is the per-call instrumentation overhead. {@link #clockFloor} runs the same chain timed
 * by hand with two {@code System.nanoTime()} calls per level: the floor, read in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecursiveCallBenchmark {

    /** Recursion depth; a {@code @Param} field (not a literal) so the JIT cannot constant-fold it. */
    @Param("10")
    public int depth;

    private final MonitoredTarget target = new MonitoredTarget();
    private final ClockedTarget clocked = new ClockedTarget();

    @Benchmark
    public long recursiveCall() {
        return target.recurse(depth);
    }

    @Benchmark
    public long clockFloor() {
        return clocked.recurse(depth);
    }
}
