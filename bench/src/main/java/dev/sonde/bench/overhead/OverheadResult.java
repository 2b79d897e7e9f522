package dev.sonde.bench.overhead;

import dev.sonde.bench.jvm.Jdk;

/**
 * One configuration's JMH result: time per benchmark operation (a call chain of
 * {@link #DEPTH} instrumented calls) with its error (99.9 % confidence half-width, as JMH prints
 * it), bytes allocated per operation ({@code -prof gc}), and the evidence that the contender timed
 * the method. A failed run has a {@code failure} and no numbers.
 */
public record OverheadResult(Jdk jdk, Contender contender, int threads, double nsPerOp, double error,
                             double allocBytesPerOp, String evidence, String failure) {

    /** Instrumented calls per benchmark operation: the recursion depth of RecursiveCallBenchmark. */
    public static final int DEPTH = 10;

    static OverheadResult failed(Jdk jdk, Contender contender, int threads, String failure) {
        return new OverheadResult(jdk, contender, threads, Double.NaN, Double.NaN, Double.NaN, "", failure);
    }

    public boolean ok() {
        return failure == null;
    }

    /** Added time per instrumented call against {@code baseline}: (this − baseline) / depth. */
    public double nsPerCallOver(OverheadResult baseline) {
        return (nsPerOp - baseline.nsPerOp) / DEPTH;
    }

    /** The error of {@link #nsPerCallOver}: the two errors added in quadrature, divided by the depth. */
    public double errorPerCallOver(OverheadResult baseline) {
        return Math.sqrt(error * error + baseline.error * baseline.error) / DEPTH;
    }
}
