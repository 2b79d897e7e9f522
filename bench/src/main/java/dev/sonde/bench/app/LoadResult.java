package dev.sonde.bench.app;

import java.util.Arrays;

/**
 * What one load run measured: requests completed, transport failures (no HTTP answer), and the
 * latency of every completed request, sorted.
 */
public record LoadResult(long requests, long failures, double seconds, long[] sortedLatencyNanos) {

    static LoadResult of(long failures, double seconds, long[] latencyNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(sorted.length, failures, seconds, sorted);
    }

    public double throughputPerSecond() {
        return requests / seconds;
    }

    /** The latency at {@code quantile} (0.99 for p99), in milliseconds: the nearest-rank value. */
    public double latencyMillis(double quantile) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedLatencyNanos.length);
        return sortedLatencyNanos[Math.min(Math.max(rank, 1), sortedLatencyNanos.length) - 1] / 1e6;
    }

    public double p50Millis() {
        return latencyMillis(0.50);
    }

    public double p99Millis() {
        return latencyMillis(0.99);
    }
}
