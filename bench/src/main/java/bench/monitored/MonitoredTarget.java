package bench.monitored;

/**
 * The code under measurement: a recursive method that does no work, as in MooBench's
 * {@code MonitoredClassSimple}. Its cost is almost entirely call overhead, so any per-call cost
 * added by instrumentation shows up directly in the benchmark score.
 *
 * <p>It lives in {@code bench.monitored} rather than {@code dev.sonde.*} on purpose: the agent never
 * instruments its own {@code dev.sonde.*} classes, so a target there would never be monitored.
 * Match it with a pattern such as {@code bench.monitored.MonitoredTarget#recurse}.
 */
public class MonitoredTarget {

    /**
     * Recurses {@code depth} levels (one frame per level) and returns {@code depth}. The result
     * depends on every frame, so the JIT cannot discard the calls.
     */
    public long recurse(int depth) {
        if (depth <= 1) {
            return 1L;
        }
        return recurse(depth - 1) + 1L;
    }
}
