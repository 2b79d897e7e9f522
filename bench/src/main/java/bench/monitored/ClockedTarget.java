package bench.monitored;

/**
 * {@link MonitoredTarget} timed by hand with the least a method timer must do: read
 * {@code System.nanoTime()} as each call begins and as it ends, and keep the difference. Its
 * per-call cost over the untimed chain is the floor under every timer, measured in the same run
 * as the timers themselves.
 */
public class ClockedTarget {

    /** The sum of every call's duration: stored, so the JIT cannot drop the second clock read. */
    private long timedNanos;

    public long recurse(int depth) {
        long start = System.nanoTime();
        long result = depth <= 1 ? 1L : recurse(depth - 1) + 1L;
        timedNanos += System.nanoTime() - start;
        return result;
    }

    public long timedNanos() {
        return timedNanos;
    }
}
