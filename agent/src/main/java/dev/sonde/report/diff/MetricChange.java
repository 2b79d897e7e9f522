package dev.sonde.report.diff;

import dev.sonde.report.view.HumanUnits;

/**
 * One metric of one operation, base run against current run: both figures with their intervals,
 * what the rule made of them, and why when it could not decide.
 */
public final class MetricChange {

    /** The outcome of comparing one metric under a {@link DiffRule}. */
    public enum Verdict {
        /** Past the threshold and the floor, and the interval of the change lies wholly above zero. */
        REGRESSED,
        /** The mirror image of {@code REGRESSED}. */
        IMPROVED,
        /** Within the threshold or the floor. */
        UNCHANGED,
        /** Past the rule but within the noise, or a run has too few calls to bound the metric: shown, never failing. */
        INCONCLUSIVE
    }

    private final Metric metric;
    private final MetricEstimate base;
    private final MetricEstimate current;
    private final Confidence confidence;
    private final Verdict verdict;
    private final String reason;

    MetricChange(Metric metric, MetricEstimate base, MetricEstimate current, Confidence confidence, Verdict verdict, String reason) {
        this.metric = metric;
        this.base = base;
        this.current = current;
        this.confidence = confidence;
        this.verdict = verdict;
        this.reason = reason;
    }

    public Metric metric() {
        return metric;
    }

    public long base() {
        return base.value();
    }

    public long current() {
        return current.value();
    }

    public MetricEstimate baseEstimate() {
        return base;
    }

    public MetricEstimate currentEstimate() {
        return current;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Why the verdict is inconclusive; null otherwise. */
    public String reason() {
        return reason;
    }

    public long delta() {
        return current.value() - base.value();
    }

    /** The change in percent of the base; infinite when the base is 0 and the current is not. */
    public double percentChange() {
        return percent(base.value(), current.value());
    }

    /** True when both runs bound the metric, so the change has an interval. */
    public boolean hasInterval() {
        return base.hasInterval() && current.hasInterval();
    }

    /**
     * The least change the interval of the change allows, in percent of the base figure: above 0
     * exactly when the calls support a growth. Infinite when the base figure is 0.
     */
    public double lowestPercentChange() {
        return percentOfBase(ChangeInterval.between(base, current).lower());
    }

    /** The greatest change the interval of the change allows, in percent of the base figure. */
    public double highestPercentChange() {
        return percentOfBase(ChangeInterval.between(base, current).upper());
    }

    /** {@code +22.8%}, or {@code from 0} when there is no base to be relative to. */
    public String percentText() {
        return Double.isInfinite(percentChange()) ? "from 0" : HumanUnits.percentChange(percentChange());
    }

    /** {@code +24.0%…+38.1%}, or empty when a run has no interval. */
    public String intervalText() {
        if (!hasInterval()) {
            return "";
        }
        return bound(lowestPercentChange()) + "…" + bound(highestPercentChange());
    }

    /**
     * What the numbers support, in words: {@code p50 +31.0% (95% CI +24.0%…+38.1%), 400 calls each},
     * and for an inconclusive metric the reason.
     */
    public String describe() {
        String text = metric.key() + " " + percentText();
        if (hasInterval()) {
            text += " (" + confidence.text() + " CI " + intervalText() + ")";
        }
        text += ", " + calls();
        return reason == null ? text : text + ": " + reason;
    }

    /** {@code 400 calls each} or {@code 400 → 380 calls}. */
    public String calls() {
        return base.calls() == current.calls() ? base.calls() + " calls each" : base.calls() + " → " + current.calls() + " calls";
    }

    /** A figure of this metric as people read it. */
    public String format(long value) {
        return metric.isBytes() ? HumanUnits.bytes(value) : HumanUnits.duration(value);
    }

    /** The absolute change, signed: {@code +2.8 ms}. */
    public String deltaText() {
        return metric.isBytes() ? HumanUnits.bytesChange(delta()) : HumanUnits.durationChange(delta());
    }

    private static String bound(double percent) {
        return Double.isInfinite(percent) ? (percent > 0 ? "∞" : "-∞") : HumanUnits.percentChange(percent);
    }

    private double percentOfBase(double change) {
        if (base.value() == 0) {
            return change == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, change);
        }
        return 100 * change / base.value();
    }

    private static double percent(long from, long to) {
        if (from == 0) {
            return to == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * (to - from) / from;
    }
}
