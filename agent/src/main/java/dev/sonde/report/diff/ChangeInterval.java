package dev.sonde.report.diff;

/**
 * The confidence interval of a change, current minus base, combined from the two runs' own intervals
 * by the method of variance estimates recovery (MOVER; Zou and Donner 2008, Newcombe's method for
 * proportions): each side of the change's interval is the root of the sum of squares of the
 * distances the two runs' intervals allow on that side. For symmetric intervals that is exactly the
 * z-test of a difference; for asymmetric ones (a percentile's order statistics of a skewed
 * distribution, a run's interval stretched over several runs' figures) each side keeps its own width.
 * Why not ask for the two intervals to be apart: two non-overlapping 95 % intervals are a test at
 * about 99.4 %, and would need about twice as many calls to catch the same change.
 */
final class ChangeInterval {

    private final double lower;
    private final double upper;

    private ChangeInterval(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** The interval of {@code current - base}; both must have an interval. */
    static ChangeInterval between(MetricEstimate base, MetricEstimate current) {
        double change = (double) current.value() - base.value();
        // The change is least when the current run is at its lowest and the base at its highest.
        double down = Math.hypot(current.value() - current.lower(), (double) base.upper() - base.value());
        double up = Math.hypot((double) current.upper() - current.value(), base.value() - base.lower());
        return new ChangeInterval(change - down, change + up);
    }

    /** True when the whole interval is above zero: the calls support a growth. */
    boolean whollyAboveZero() {
        return lower > 0;
    }

    /** True when the whole interval is below zero: the calls support a shrinking. */
    boolean whollyBelowZero() {
        return upper < 0;
    }

    /** The least change the interval allows, in the metric's unit. */
    double lower() {
        return lower;
    }

    /** The greatest change the interval allows, in the metric's unit. */
    double upper() {
        return upper;
    }
}
