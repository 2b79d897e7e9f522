package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classic buckets keep {@code histogram_quantile} within one bucket (9.05 %) of the percentile
 * sonde's report gives, and show only the bounds an operation's values need.
 */
class ClassicBucketsTest {

    private static final double NANOS = 1e-9;

    @Test
    void quantilesFromTheBucketsAreWithinOneBucketOfTheReportsPercentiles() {
        Random random = new Random(42);
        Histogram tight = histogram();
        Histogram lognormal = histogram();
        Histogram bimodal = histogram();
        for (int i = 0; i < 20_000; i++) {
            tight.recordValue(2_000_000 + random.nextInt(50_000));
            lognormal.recordValue((long) (1_000_000 * Math.exp(random.nextGaussian())));
            bimodal.recordValue(random.nextInt(10) == 0 ? 50_000_000 + random.nextInt(5_000_000) : 300_000 + random.nextInt(30_000));
        }
        for (Histogram histogram : new Histogram[] {tight, lognormal, bimodal}) {
            ClassicHistogramBuckets buckets = ClassicBuckets.of(HdrBuckets.of(histogram, NANOS, ClassicBuckets.GRID));
            for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
                double reported = histogram.getValueAtPercentile(q * 100) * NANOS;
                assertThat(BucketQuantile.of(q, buckets)).as("q=%s", q)
                        .isBetween(reported * (1 - ClassicBuckets.GRID.relativeWidth()),
                                reported * (1 + ClassicBuckets.GRID.relativeWidth()));
            }
        }
    }

    @Test
    void onlyTheBoundsFromJustBelowTheLowestValueToTheHighestAreShown() {
        Histogram histogram = histogram();
        histogram.recordValue(1_000_000);
        histogram.recordValue(4_000_000);
        ClassicHistogramBuckets buckets = ClassicBuckets.of(HdrBuckets.of(histogram, NANOS, ClassicBuckets.GRID));
        int lowest = ClassicBuckets.GRID.index(histogram.highestEquivalentValue(1_000_000) * NANOS);
        int highest = ClassicBuckets.GRID.index(histogram.highestEquivalentValue(4_000_000) * NANOS);
        // One empty bound below, every bound up to the highest value's, then +Inf.
        assertThat(buckets.size()).isEqualTo(highest - lowest + 3);
        assertThat(buckets.getUpperBound(0)).isEqualTo(ClassicBuckets.GRID.upperBound(lowest - 1));
        assertThat(buckets.getCount(0)).isZero();
        assertThat(buckets.getUpperBound(buckets.size() - 1)).isInfinite();
        assertThat(buckets.stream().mapToLong(b -> b.getCount()).sum()).isEqualTo(2);
    }

    @Test
    void zerosHaveABucketOfTheirOwnBelowEveryOther() {
        Histogram bytes = histogram();
        bytes.recordValueWithCount(0, 7);
        bytes.recordValue(1000);
        ClassicHistogramBuckets buckets = ClassicBuckets.of(HdrBuckets.of(bytes, 1.0, ClassicBuckets.GRID));
        assertThat(buckets.getUpperBound(0)).isZero();
        assertThat(buckets.getCount(0)).isEqualTo(7);
        assertThat(buckets.getUpperBound(2)).isEqualTo(1024.0);
        assertThat(buckets.getCount(2)).isEqualTo(1);
    }

    private static Histogram histogram() {
        return new Histogram(2);
    }
}
