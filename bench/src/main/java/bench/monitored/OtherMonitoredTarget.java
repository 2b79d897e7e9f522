package bench.monitored;

/**
 * A second method exactly like {@link MonitoredTarget#recurse}, so that two threads can each time
 * an operation of their own (see {@code dev.sonde.bench.OperationSharingBenchmark}). Matched by
 * {@code bench.monitored.*MonitoredTarget#recurse}, not by the overhead suite's pattern.
 */
public class OtherMonitoredTarget {

    public long recurse(int depth) {
        if (depth <= 1) {
            return 1L;
        }
        return recurse(depth - 1) + 1L;
    }
}
