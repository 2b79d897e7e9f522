package dev.sonde.export;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Bucket bounds that grow by a constant factor, as Prometheus defines them for native histograms:
 * at schema {@code s}, bucket {@code i} holds the values in (2^((i-1)/2^s), 2^(i/2^s)], so each
 * bound is 2^(2^-s) times the one below it. Classic and native buckets both use this grid (at
 * different schemas), so each classic bucket is a union of native ones; OpenTelemetry's exponential
 * histograms use it too, at "scale" {@code s}, with every index one lower. Classic bounds are shown
 * rounded ({@link #shortUpperBound}), which moves them by at most 0.5 %.
 *
 * <p>A scrape places every HdrHistogram bucket of every operation on the grid, so {@link #index}
 * takes no logarithm: the bounds within one doubling are computed once, and a value's doubling is
 * its binary exponent. Immutable.
 */
final class ExponentialGrid {

    private final int schema;
    private final int perDoubling;
    /** {@code withinDoubling[k]} = 2^(k/2^s), for k = 0 .. 2^s: the bounds between 1 and 2. */
    private final double[] withinDoubling;
    /** {@link #shortUpperBound} of the indexes within 64 doublings of 1, made on first use. */
    private volatile double[] shortBounds;

    ExponentialGrid(int schema) {
        this.schema = schema;
        this.perDoubling = 1 << schema;
        this.withinDoubling = new double[perDoubling + 1];
        for (int k = 0; k <= perDoubling; k++) {
            withinDoubling[k] = Math.pow(2.0, k / (double) perDoubling);
        }
        withinDoubling[perDoubling] = 2.0;
    }

    int schema() {
        return schema;
    }

    /** The index of the bucket holding {@code value}, which must be above 0 and finite. */
    int index(double value) {
        int exponent = Math.getExponent(value);
        double mantissa = Math.scalb(value, -exponent);
        if (exponent < Double.MIN_EXPONENT) {
            // Subnormal: getExponent says MIN_EXPONENT - 1 and the mantissa is below 1; never a real latency.
            exponent = Math.getExponent(mantissa) + exponent;
            mantissa = Math.scalb(value, -exponent);
        }
        // mantissa in [1, 2): the first bound at or above it within the doubling.
        int low = 0;
        int high = perDoubling;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (withinDoubling[middle] < mantissa) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return exponent * perDoubling + low;
    }

    /** The upper bound of bucket {@code index}, which the bucket includes. */
    double upperBound(int index) {
        return Math.scalb(withinDoubling[Math.floorMod(index, perDoubling)], Math.floorDiv(index, perDoubling));
    }

    /**
     * {@link #upperBound} as classic buckets show it: a whole number as it is (1024), any other to
     * three significant digits (0.00552 for 0.005524271728019903). Formatting such a bound takes a
     * third of the time on JDK 17 and a third of the characters, on tens of lines per operation in a
     * text scrape. It moves a bound by at most 0.5 %, less than the 1 % within which an HdrHistogram
     * bucket places a value, and bounds at least 2^(1/8) apart stay distinct.
     */
    double shortUpperBound(int index) {
        double[] bounds = shortBounds;
        if (bounds == null) {
            bounds = shortBoundsNearOne();
            shortBounds = bounds;
        }
        int offset = index + 64 * perDoubling;
        return offset >= 0 && offset < bounds.length ? bounds[offset] : shortened(upperBound(index));
    }

    private double[] shortBoundsNearOne() {
        double[] bounds = new double[128 * perDoubling + 1];
        for (int offset = 0; offset < bounds.length; offset++) {
            bounds[offset] = shortened(upperBound(offset - 64 * perDoubling));
        }
        return bounds;
    }

    private static double shortened(double value) {
        if (value == Math.rint(value)) {
            return value;
        }
        // Parsed from its text: BigDecimal.doubleValue is not exact on JDK 17 (5.150000000000001E21).
        return Double.parseDouble(new BigDecimal(value).round(new MathContext(3)).toString());
    }

    /** How much wider than its lower bound a bucket is: its worst relative error. */
    double relativeWidth() {
        return withinDoubling[1] - 1;
    }

    /**
     * The index, on a grid of a lower {@code schema}, of the bucket that holds bucket {@code index}
     * of this grid: each bound of the coarser grid is one of this grid's, so a bucket of this grid
     * lies wholly in one of the coarser grid's.
     */
    int coarserIndex(int index, ExponentialGrid coarser) {
        int merged = 1 << (schema - coarser.schema);
        return Math.floorDiv(index + merged - 1, merged);
    }
}
