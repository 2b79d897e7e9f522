package dev.sonde.report.diff;

import dev.sonde.report.view.HumanUnits;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a metric of an operation has regressed: it grew by more than {@code threshold} percent of its
 * base value <em>and</em> by more than an absolute floor ({@code minDelta}: nanoseconds for time
 * metrics, bytes for allocation), so the jitter of trivial methods is not a regression; <em>and</em>
 * the confidence interval of the change itself ({@link ChangeInterval}, from the two runs' intervals)
 * lies wholly above zero, so the calls support it. The threshold does a second job: one run's calls
 * cannot show run-to-run noise (JIT, machine load, a few percent), and a change must be larger than
 * that too, unless several runs a side show that noise and widen the intervals ({@link Runs}). The
 * comparisons with the threshold are strict and exact (no floating point). An improvement is the
 * mirror image. A change past the rule whose interval takes in zero, or a metric one run cannot
 * bound (too few calls for that percentile), is inconclusive: shown, never failing. Operations with
 * fewer than {@code minCount} calls in either run are not compared at all.
 */
public final class DiffRule {

    /** 10 %. */
    public static final BigDecimal DEFAULT_THRESHOLD_PERCENT = BigDecimal.TEN;
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.P50, Metric.P95, Metric.P99);
    /** Percentiles of fewer calls than this are a handful of samples, not a distribution. */
    public static final long DEFAULT_MIN_COUNT = 10;
    /** 1 ms: below it, a change of a latency is usually scheduling and timer noise. */
    public static final long DEFAULT_MIN_DELTA_NANOS = 1_000_000;
    /** 1 KiB per call. */
    public static final long DEFAULT_MIN_DELTA_BYTES = 1024;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal thresholdPercent;
    private final List<Metric> metrics;
    private final long minCount;
    private final long minDeltaNanos;
    private final long minDeltaBytes;
    private final Confidence confidence;

    public DiffRule(BigDecimal thresholdPercent, List<Metric> metrics, long minCount, long minDeltaNanos, long minDeltaBytes) {
        this(thresholdPercent, metrics, minCount, minDeltaNanos, minDeltaBytes, Confidence.defaults());
    }

    public DiffRule(BigDecimal thresholdPercent, List<Metric> metrics, long minCount, long minDeltaNanos, long minDeltaBytes,
                    Confidence confidence) {
        this.confidence = confidence;
        this.thresholdPercent = thresholdPercent;
        this.metrics = List.copyOf(metrics);
        this.minCount = minCount;
        this.minDeltaNanos = minDeltaNanos;
        this.minDeltaBytes = minDeltaBytes;
    }

    public static DiffRule defaults() {
        return new DiffRule(DEFAULT_THRESHOLD_PERCENT, DEFAULT_METRICS, DEFAULT_MIN_COUNT,
                DEFAULT_MIN_DELTA_NANOS, DEFAULT_MIN_DELTA_BYTES);
    }

    /** How a metric moved from {@code base} to {@code current} under this rule, and why. */
    public MetricChange judge(Metric metric, MetricEstimate base, MetricEstimate current) {
        if (!base.hasInterval() || !current.hasInterval()) {
            String why = base.hasInterval() ? current.whyNoInterval() : base.whyNoInterval();
            return new MetricChange(metric, base, current, confidence, MetricChange.Verdict.INCONCLUSIVE, why);
        }
        ChangeInterval interval = ChangeInterval.between(base, current);
        if (grewBeyondRule(metric, base.value(), current.value())) {
            return interval.whollyAboveZero()
                    ? new MetricChange(metric, base, current, confidence, MetricChange.Verdict.REGRESSED, null)
                    : new MetricChange(metric, base, current, confidence, MetricChange.Verdict.INCONCLUSIVE, WITHIN_NOISE);
        }
        if (grewBeyondRule(metric, current.value(), base.value())) {
            return interval.whollyBelowZero()
                    ? new MetricChange(metric, base, current, confidence, MetricChange.Verdict.IMPROVED, null)
                    : new MetricChange(metric, base, current, confidence, MetricChange.Verdict.INCONCLUSIVE, WITHIN_NOISE);
        }
        return new MetricChange(metric, base, current, confidence, MetricChange.Verdict.UNCHANGED, null);
    }

    /** Why a change past the threshold is not a verdict. */
    static final String WITHIN_NOISE = "the interval of the change takes in 0: within the noise of this many calls";

    /**
     * True when {@code to} is past the rule's threshold and floor from {@code from}: the first half of
     * a regression, before the intervals are looked at.
     */
    public boolean grewBeyondRule(Metric metric, long from, long to) {
        long delta = to - from;
        if (delta <= minDelta(metric)) {
            return false;
        }
        // delta / from > threshold / 100, without division or rounding
        return BigDecimal.valueOf(delta).multiply(HUNDRED).compareTo(thresholdPercent.multiply(BigDecimal.valueOf(from))) > 0;
    }

    /** True when an operation with these call counts is compared at all. */
    public boolean compares(long baseCount, long currentCount) {
        return baseCount >= minCount && currentCount >= minCount;
    }

    public long minDelta(Metric metric) {
        return metric.isBytes() ? minDeltaBytes : minDeltaNanos;
    }

    public BigDecimal thresholdPercent() {
        return thresholdPercent;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public long minCount() {
        return minCount;
    }

    public long minDeltaNanos() {
        return minDeltaNanos;
    }

    public long minDeltaBytes() {
        return minDeltaBytes;
    }

    public Confidence confidence() {
        return confidence;
    }

    /** {@code p50, p95, p99 grows by more than 10% and by more than 1.0 ms, with the 95% interval of the change above 0; ...}. */
    public String describe() {
        boolean timed = metrics.stream().anyMatch(m -> !m.isBytes());
        boolean bytes = metrics.contains(Metric.ALLOC);
        String floors = timed && bytes ? HumanUnits.duration(minDeltaNanos) + " (alloc: " + HumanUnits.bytes(minDeltaBytes) + ")"
                : bytes ? HumanUnits.bytes(minDeltaBytes) + " per call" : HumanUnits.duration(minDeltaNanos);
        String counted = minCount <= 1 ? "every operation in both runs is compared"
                : "operations with fewer than " + minCount + " calls in either run are not compared";
        return metrics.stream().map(Metric::key).collect(Collectors.joining(", "))
                + " grows by more than " + thresholdPercent.stripTrailingZeros().toPlainString() + "% and by more than "
                + floors + ", with the " + confidence.text() + " interval of the change above 0; " + counted;
    }
}
