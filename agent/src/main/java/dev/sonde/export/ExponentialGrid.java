package dev.sonde.export;

/**
 * Bucket bounds that grow by a constant factor, as Prometheus defines them for native histograms:
 * at schema {@code s}, bucket {@code i} holds the values in (2^((i-1)/2^s), 2^(i/2^s)], so each
 * bound is 2^(2^-s) times the one below it. Classic and native buckets both use this grid (at
 * different schemas), so every bound is exact and the two agree wherever they meet; OpenTelemetry's
 * exponential histograms use it too, at "scale" {@code s}, with every index one lower.
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
