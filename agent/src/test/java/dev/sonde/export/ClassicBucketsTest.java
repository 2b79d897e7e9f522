package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import dev.sonde.record.Recorded;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
            ClassicHistogramBuckets buckets = classic(histogram, NANOS, ClassicBuckets.GRID);
            for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
                double reported = histogram.getValueAtPercentile(q * 100) * NANOS;
                assertThat(BucketQuantile.of(q, buckets)).as("q=%s", q)
                        .isBetween(reported * (1 - ClassicBuckets.GRID.relativeWidth()),
                                reported * (1 + ClassicBuckets.GRID.relativeWidth()));
            }
        }
    }

    @Test
    void onlyTheBucketsThatHoldValuesAreShownEachWithTheBoundBelowIt() {
        Histogram histogram = histogram();
        histogram.recordValue(1_000_000);
        histogram.recordValue(1_100_000);
        histogram.recordValue(4_000_000);
        ClassicHistogramBuckets buckets = classic(histogram, NANOS, ClassicBuckets.GRID);
        int lowest = ClassicBuckets.GRID.index(histogram.highestEquivalentValue(1_000_000) * NANOS);
        int highest = ClassicBuckets.GRID.index(histogram.highestEquivalentValue(4_000_000) * NANOS);
        // 1.0 and 1.1 ms fill two neighbouring buckets: one empty bound below them, then theirs;
        // the gap up to 4 ms is one empty bucket, closed by the bound just below 4 ms's; then +Inf.
        assertThat(lowest + 3).isLessThan(highest);
        double[] bounds = {ClassicBuckets.GRID.shortUpperBound(lowest - 1), ClassicBuckets.GRID.shortUpperBound(lowest),
            ClassicBuckets.GRID.shortUpperBound(lowest + 1), ClassicBuckets.GRID.shortUpperBound(highest - 1),
            ClassicBuckets.GRID.shortUpperBound(highest), Double.POSITIVE_INFINITY};
        long[] counts = {0, 1, 1, 0, 1, 0};
        assertThat(buckets.size()).isEqualTo(bounds.length);
        for (int i = 0; i < bounds.length; i++) {
            assertThat(buckets.getUpperBound(i)).as("bound %d", i).isEqualTo(bounds[i]);
            assertThat(buckets.getCount(i)).as("count %d", i).isEqualTo(counts[i]);
        }
    }

    @Test
    void theFineGridRegroupedGivesTheSameBucketsAsTheClassicGridRead() {
        Random random = new Random(7);
        Histogram histogram = histogram();
        for (int i = 0; i < 5_000; i++) {
            histogram.recordValue((long) (200_000 * Math.exp(2 * random.nextGaussian())));
        }
        HdrBuckets direct = onGrid(histogram, NANOS, ClassicBuckets.GRID);
        HdrBuckets regrouped = onGrid(histogram, NANOS, NativeBuckets.GRID).on(ClassicBuckets.GRID, NativeBuckets.GRID);
        assertThat(regrouped.indexes()).containsExactly(direct.indexes());
        assertThat(regrouped.counts()).containsExactly(direct.counts());
    }

    @Test
    void zerosHaveABucketOfTheirOwnBelowEveryOther() {
        Histogram bytes = histogram();
        bytes.recordValueWithCount(0, 7);
        bytes.recordValue(1000);
        ClassicHistogramBuckets buckets = classic(bytes, 1.0, HistogramGrids.ALLOCATED_BYTES.classic());
        assertThat(buckets.getUpperBound(0)).isZero();
        assertThat(buckets.getCount(0)).isEqualTo(7);
        assertThat(buckets.getUpperBound(1)).as("allocated bytes: bounds 2^(1/2) apart, 724.08 shown to three digits")
                .isEqualTo(724.0);
        assertThat(buckets.getUpperBound(2)).isEqualTo(1024.0);
        assertThat(buckets.getCount(2)).isEqualTo(1);
    }

    private static ClassicHistogramBuckets classic(Histogram histogram, double scale, ExponentialGrid grid) {
        return ClassicBuckets.of(onGrid(histogram, scale, grid), grid);
    }

    private static HdrBuckets onGrid(Histogram histogram, double scale, ExponentialGrid grid) {
        return HdrBuckets.of(Recorded.valuesOf(histogram), scale, grid);
    }

    private static Histogram histogram() {
        return new Histogram(2);
    }
}
