package dev.sonde.report.diff;

import dev.sonde.report.view.HumanUnits;

/** One metric of one operation, base run against current run, and what the rule made of it. */
public final class MetricChange {

    /** The outcome of comparing one metric under a {@link DiffRule}: {@code OK} is within the rule, whatever the change. */
    public enum Verdict { REGRESSED, IMPROVED, OK }

    private final Metric metric;
    private final long base;
    private final long current;
    private final Verdict verdict;

    MetricChange(Metric metric, long base, long current, Verdict verdict) {
        this.metric = metric;
        this.base = base;
        this.current = current;
        this.verdict = verdict;
    }

    public Metric metric() {
        return metric;
    }

    public long base() {
        return base;
    }

    public long current() {
        return current;
    }

    public Verdict verdict() {
        return verdict;
    }

    public long delta() {
        return current - base;
    }

    /** The change in percent of the base; infinite when the base is 0 and the current is not. */
    public double percentChange() {
        if (base == 0) {
            return current == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * (current - base) / base;
    }

    /** {@code +22.8%}, or {@code from 0} when there is no base to be relative to. */
    public String percentText() {
        return Double.isInfinite(percentChange()) ? "from 0" : HumanUnits.percentChange(percentChange());
    }

    /** A figure of this metric as people read it. */
    public String format(long value) {
        return metric.isBytes() ? HumanUnits.bytes(value) : HumanUnits.duration(value);
    }

    /** The absolute change, signed: {@code +2.8 ms}. */
    public String deltaText() {
        return metric.isBytes() ? HumanUnits.bytesChange(delta()) : HumanUnits.durationChange(delta());
    }
}
