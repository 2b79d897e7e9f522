package dev.sonde.report.diff;

/**
 * How far one run's figures may be off as a whole, which its own calls cannot show: the JIT compiled
 * differently, the machine was busier. Runs of the same build on CI differ by a few percent this way
 * (the simulation draws each run 3 % off, one standard deviation). A side of a diff with a single run
 * has its interval widened by this allowance, added in quadrature at the diff's confidence, so that a
 * change the calls support is also larger than a run's bad day. A side of several runs is widened
 * by their measured spread instead ({@link Runs}).
 */
final class RunNoise {

    /**
     * One standard deviation of a run's figures, relative: 3 %. Smaller, and identical builds on
     * drifting runs fail more than 5 % of the time for a few hundred calls; larger, and a 30 % slower
     * p50 of 200 calls is missed more than 5 % of the time.
     */
    static final double RELATIVE_SPREAD = 0.03;

    private RunNoise() {
    }

    /** The estimate of a single run, its interval widened by a run's possible drift. */
    static MetricEstimate allowFor(MetricEstimate estimate, Confidence confidence) {
        if (!estimate.hasInterval()) {
            return estimate;
        }
        return estimate.widenedBy(confidence.z() * RELATIVE_SPREAD * estimate.value());
    }
}
