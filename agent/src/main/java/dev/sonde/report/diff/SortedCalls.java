package dev.sonde.report.diff;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;

/**
 * The calls of a histogram in order, bucket by bucket: the value at any rank by binary search, and
 * the standard deviation. Walking an HdrHistogram costs a pass over all its sub-buckets, and an
 * operation's intervals ask for a dozen ranks; one pass here serves them all.
 */
final class SortedCalls {

    /** The top of each non-empty bucket, ascending: what the histogram's percentiles report. */
    private final long[] tops;
    /** How many calls fall in this bucket or a lower one. */
    private final long[] cumulative;
    private final long total;
    private final long max;
    private final double standardDeviation;

    private SortedCalls(long[] tops, long[] cumulative, long total, long max, double standardDeviation) {
        this.tops = tops;
        this.cumulative = cumulative;
        this.total = total;
        this.max = max;
        this.standardDeviation = standardDeviation;
    }

    static SortedCalls of(Histogram histogram) {
        int buckets = 0;
        long[] tops = new long[64];
        long[] cumulative = new long[64];
        long seen = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            if (buckets == tops.length) {
                tops = Arrays.copyOf(tops, buckets * 2);
                cumulative = Arrays.copyOf(cumulative, buckets * 2);
            }
            long count = bucket.getCountAtValueIteratedTo();
            seen += count;
            tops[buckets] = histogram.highestEquivalentValue(bucket.getValueIteratedTo());
            cumulative[buckets++] = seen;
            // The bucket's middle stands for its calls, as in HdrHistogram's own mean and deviation.
            double middle = histogram.medianEquivalentValue(bucket.getValueIteratedTo());
            sum += count * middle;
            sumOfSquares += count * middle * middle;
        }
        return new SortedCalls(Arrays.copyOf(tops, buckets), Arrays.copyOf(cumulative, buckets), seen,
                histogram.getMaxValue(), deviation(seen, sum, sumOfSquares));
    }

    private static double deviation(long calls, double sum, double sumOfSquares) {
        if (calls == 0) {
            return 0;
        }
        double mean = sum / calls;
        return Math.sqrt(Math.max(0, sumOfSquares / calls - mean * mean));
    }

    long calls() {
        return total;
    }

    /** The value of the rank-th smallest call (1-based), as the histogram's percentiles read it: the bucket's top. */
    long valueAtRank(long rank) {
        int at = Arrays.binarySearch(cumulative, rank);
        int bucket = at >= 0 ? at : -at - 1;
        return bucket < tops.length ? tops[bucket] : max;
    }

    double standardDeviation() {
        return standardDeviation;
    }
}
