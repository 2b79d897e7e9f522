package dev.sonde.export;

/**
 * Bucket bounds that grow by a constant factor, as Prometheus defines them for native histograms:
 * at schema {@code s}, bucket {@code i} holds the values in (2^((i-1)/2^s), 2^(i/2^s)], so each
 * bound is 2^(2^-s) times the one below it. Classic and native buckets both use this grid (at
 * different schemas), so every bound is exact and the two agree wherever they meet.
 */
final class ExponentialGrid {

    private final int schema;
    private final double perDoubling;

    ExponentialGrid(int schema) {
        this.schema = schema;
        this.perDoubling = Math.scalb(1.0, schema);
    }

    int schema() {
        return schema;
    }

    /** The index of the bucket holding {@code value}, which must be above 0. */
    int index(double value) {
        int index = (int) Math.ceil(log2(value) * perDoubling);
        // log2 is rounded: a value on a bound (1024 bytes) may land one bucket off either way.
        if (value <= upperBound(index - 1)) {
            return index - 1;
        }
        return value > upperBound(index) ? index + 1 : index;
    }

    /** The upper bound of bucket {@code index}, which the bucket includes. */
    double upperBound(int index) {
        return Math.pow(2.0, index / perDoubling);
    }

    /** How much wider than its lower bound a bucket is: its worst relative error. */
    double relativeWidth() {
        return Math.pow(2.0, 1 / perDoubling) - 1;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2.0);
    }
}
