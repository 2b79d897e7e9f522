package dev.sonde.report.diff;

/**
 * One run's (or one merged set of runs') figure for a metric with its confidence interval
 * {@code [lower, upper]}, or without an upper bound and the reason why (too few calls for that
 * percentile, no histogram in the report, the maximum).
 */
public final class MetricEstimate {

    private final long value;
    private final long lower;
    private final long upper;
    private final long calls;
    private final String unbounded;

    private MetricEstimate(long value, long lower, long upper, long calls, String unbounded) {
        this.value = value;
        this.lower = Math.min(lower, value);
        this.upper = Math.max(upper, value);
        this.calls = calls;
        this.unbounded = unbounded;
    }

    static MetricEstimate bounded(long value, long lower, long upper, long calls) {
        return new MetricEstimate(value, lower, upper, calls, null);
    }

    /** A figure without an upper bound: {@code why} says so in words ({@code p99 needs ≥ 555 calls at 95%}). */
    static MetricEstimate unbounded(long value, long calls, String why) {
        return new MetricEstimate(value, 0, Long.MAX_VALUE, calls, why);
    }

    /**
     * This interval stretched to take in another value: a base run's own figure, when several runs
     * show more spread than one run's calls can (JIT, machine load).
     */
    MetricEstimate covering(long other) {
        return new MetricEstimate(value, Math.min(lower, other), Math.max(upper, other), calls, unbounded);
    }

    /**
     * This interval with {@code margin} added in quadrature on both sides: an independent source of
     * error (a run's drift as a whole) combined with the calls' own.
     */
    MetricEstimate widenedBy(double margin) {
        long down = (long) Math.ceil(Math.hypot(value - lower, margin));
        long up = (long) Math.ceil(Math.hypot((double) upper - value, margin));
        return new MetricEstimate(value, Math.max(0, value - down), value + up, calls, unbounded);
    }

    public long value() {
        return value;
    }

    public long lower() {
        return lower;
    }

    /** The upper bound; meaningless unless {@link #hasInterval()}. */
    public long upper() {
        return upper;
    }

    public long calls() {
        return calls;
    }

    public boolean hasInterval() {
        return unbounded == null;
    }

    /** Why there is no interval, or null when there is one. */
    public String whyNoInterval() {
        return unbounded;
    }
}
