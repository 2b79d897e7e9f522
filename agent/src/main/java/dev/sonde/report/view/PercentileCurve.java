package dev.sonde.report.view;

import dev.sonde.report.HistogramCodec;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An operation's latency by percentile, read from its encoded histogram the way HdrHistogram's
 * {@code outputPercentileDistribution} reads it: points closer together towards the tail (five per
 * halving of the distance to 100 %). Values are capped at the exact maximum, as the report's
 * percentiles are.
 */
public final class PercentileCurve {

    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final List<double[]> points;
    private final long count;
    private final long max;

    private PercentileCurve(List<double[]> points, long count, long max) {
        this.points = points;
        this.count = count;
        this.max = max;
    }

    /** The curve of an encoded histogram; empty when there is none, it holds no calls, or it cannot be decoded. */
    public static Optional<PercentileCurve> of(String encodedHistogram, long exactMax) {
        if (encodedHistogram == null) {
            return Optional.empty();
        }
        Histogram histogram;
        try {
            histogram = HistogramCodec.decode(encodedHistogram);
        } catch (Exception unreadable) {
            return Optional.empty();
        }
        if (histogram.getTotalCount() == 0) {
            return Optional.empty();
        }
        long max = exactMax > 0 ? exactMax : histogram.getMaxValue();
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            points.add(new double[] {value.getPercentileLevelIteratedTo(), Math.min(value.getValueIteratedTo(), max)});
        }
        return Optional.of(new PercentileCurve(Collections.unmodifiableList(points), histogram.getTotalCount(), max));
    }

    /** {@code [percentile 0..100, value]} pairs, by rising percentile. */
    public List<double[]> points() {
        return points;
    }

    /** Calls in the histogram: how far into the tail the curve means anything. */
    public long count() {
        return count;
    }

    public long max() {
        return max;
    }
}
