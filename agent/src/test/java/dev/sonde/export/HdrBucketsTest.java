package dev.sonde.export;

import dev.sonde.record.Recorded;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** An HdrHistogram read as the export reads it, regrouped on the grid: what its own iterator finds, bucket by bucket. */
class HdrBucketsTest {

    @Test
    void theBucketsAreWhatEveryRecordedValueOfTheLibrarysIteratorGives() {
        Random random = new Random(7);
        Histogram histogram = new Histogram(2);
        for (int i = 0; i < 5_000; i++) {
            histogram.recordValue(random.nextInt(8) == 0 ? 0 : (long) (200_000 * Math.exp(2 * random.nextGaussian())));
        }
        histogram.recordValue(3_600_000_000_000L);
        TreeMap<Integer, Long> expected = new TreeMap<>();
        long zeros = 0;
        for (HistogramIterationValue step : histogram.recordedValues()) {
            if (step.getValueIteratedTo() == 0) {
                zeros += step.getCountAddedInThisIterationStep();
            } else {
                expected.merge(NativeBuckets.GRID.index(step.getValueIteratedTo() * 1e-9),
                        step.getCountAddedInThisIterationStep(), Long::sum);
            }
        }
        HdrBuckets buckets = HdrBuckets.of(Recorded.valuesOf(histogram), 1e-9, NativeBuckets.GRID);
        assertThat(buckets.zeros()).isEqualTo(zeros).isPositive();
        assertThat(buckets.indexes()).containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
        assertThat(buckets.counts()).containsExactly(expected.values().stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void anEmptyHistogramAndOneOfZerosAloneHaveNoBuckets() {
        Histogram histogram = new Histogram(2);
        assertThat(HdrBuckets.of(Recorded.valuesOf(histogram), 1.0, NativeBuckets.GRID).hasPositiveValues()).isFalse();
        histogram.recordValue(0);
        HdrBuckets zeros = HdrBuckets.of(Recorded.valuesOf(histogram), 1.0, NativeBuckets.GRID);
        assertThat(zeros.zeros()).isEqualTo(1);
        assertThat(zeros.hasPositiveValues()).isFalse();
    }
}
