package dev.sonde.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import bench.monitored.MonitoredTarget;
import bench.monitored.OtherMonitoredTarget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A diagnosis, not part of bench/run: does a thread's per-call cost grow because other threads
 * record the <em>same</em> operation? {@code sameOperation} has every thread call
 * {@link MonitoredTarget#recurse} (as {@link RecursiveCallBenchmark}); in {@code ownOperation} every
 * second thread calls {@link OtherMonitoredTarget#recurse} instead, so no two threads share an
 * operation. Run both at 2 threads under sonde:
 * <pre>
 * java -jar bench/target/benchmarks.jar OperationSharingBenchmark -t 2 -f 2 -jvmArgsAppend \
 *      -javaagent:agent/target/sonde-agent.jar=include=bench.monitored.*MonitoredTarget#recurse,alloc=off,self=off
 * </pre>
 * If {@code sameOperation} is slower than {@code ownOperation}, state shared per operation between
 * threads (its totals, their lock) costs on the recording path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class OperationSharingBenchmark {

    /** Counts the benchmark threads of this JVM, to send every second one to the other method. */
    private static final AtomicInteger THREADS = new AtomicInteger();

    @Param("10")
    public int depth;

    private final MonitoredTarget first = new MonitoredTarget();
    private final OtherMonitoredTarget second = new OtherMonitoredTarget();
    private boolean callsSecond;

    @Setup(Level.Trial)
    public void pickOperation() {
        callsSecond = THREADS.getAndIncrement() % 2 == 1;
    }

    @Benchmark
    public long sameOperation() {
        return first.recurse(depth);
    }

    @Benchmark
    public long ownOperation() {
        return callsSecond ? second.recurse(depth) : first.recurse(depth);
    }
}
