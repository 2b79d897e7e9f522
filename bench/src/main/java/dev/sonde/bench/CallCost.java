package dev.sonde.bench;

import bench.monitored.ClockedTarget;
import bench.monitored.MonitoredTarget;
import bench.monitored.OtherMonitoredTarget;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cost of one timed call against the floor, read in one JVM and robust to a busy machine: the
 * same chain of 10 recursive calls three ways, in alternating slices on each thread —
 * {@link OtherMonitoredTarget} (untimed), {@link ClockedTarget} (two {@code System.nanoTime()} calls
 * per level, by hand) and {@link MonitoredTarget} (timed by whatever agent the JVM runs, matched by
 * {@code bench.monitored.MonitoredTarget#recurse}). Each slice is measured in the thread's CPU time,
 * so time the thread spends descheduled by other processes does not count; per call is (slice −
 * untimed slice next to it) / 10, and the figures printed are medians over the slices. bench/call-cost
 * runs it once per agent configuration.
 * <pre>
 * java -javaagent:... -cp bench/target/benchmarks.jar dev.sonde.bench.CallCost [threads] [slices]
 * </pre>
 */
public final class CallCost {

    private static final int DEPTH = 10;
    private static final int CALLS_PER_SLICE = 20_000;
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps every result alive, so that the JIT cannot drop a chain. */
    private static volatile long sink;

    private CallCost() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<double[]>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perThread.add(pool.submit(() -> measure(slices)));
        }
        double floor = 0;
        double timed = 0;
        for (Future<double[]> result : perThread) {
            double[] figures = result.get();
            floor += figures[0] / threads;
            timed += figures[1] / threads;
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "per call (ns, thread CPU time, %d thread%s): floor %.1f  timed %.1f  timed above floor %.1f%n",
                threads, threads == 1 ? "" : "s", floor, timed, timed - floor);
    }

    /** Medians over the slices of: floor per call, timed per call. */
    private static double[] measure(int slices) {
        OtherMonitoredTarget untimed = new OtherMonitoredTarget();
        ClockedTarget clocked = new ClockedTarget();
        MonitoredTarget monitored = new MonitoredTarget();
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            sink += untimed(untimed, CALLS_PER_SLICE / 10) + clocked(clocked, CALLS_PER_SLICE / 10)
                    + monitored(monitored, CALLS_PER_SLICE / 10);
        }
        double[] floor = new double[slices];
        double[] timed = new double[slices];
        for (int s = 0; s < slices; s++) {
            double[] perChain = new double[3];
            for (int k = 0; k < 3; k++) {
                int which = (k + s) % 3; // rotate the order, so no kind always runs first
                long start = THREADS.getCurrentThreadCpuTime();
                sink += which == 0 ? untimed(untimed, CALLS_PER_SLICE)
                        : which == 1 ? clocked(clocked, CALLS_PER_SLICE) : monitored(monitored, CALLS_PER_SLICE);
                perChain[which] = (THREADS.getCurrentThreadCpuTime() - start) / (double) CALLS_PER_SLICE;
            }
            floor[s] = (perChain[1] - perChain[0]) / DEPTH;
            timed[s] = (perChain[2] - perChain[0]) / DEPTH;
        }
        return new double[] {median(floor), median(timed)};
    }

    private static long untimed(OtherMonitoredTarget target, int chains) {
        long sum = 0;
        for (int i = 0; i < chains; i++) {
            sum += target.recurse(DEPTH);
        }
        return sum;
    }

    private static long clocked(ClockedTarget target, int chains) {
        long sum = 0;
        for (int i = 0; i < chains; i++) {
            sum += target.recurse(DEPTH);
        }
        return sum;
    }

    private static long monitored(MonitoredTarget target, int chains) {
        long sum = 0;
        for (int i = 0; i < chains; i++) {
            sum += target.recurse(DEPTH);
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
