package dev.sonde.export;

import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import dev.sonde.record.Recorded;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenTelemetry's buckets of scale 5 are Prometheus's native buckets of schema 5, numbered one lower. */
class ExponentialPointTest {

    @Test
    void eachValueLiesInTheBucketOpenTelemetryDefinesForItsIndex() {
        Histogram histogram = new Histogram(2);
        histogram.recordValue(1_000);
        histogram.recordValue(1_000);
        histogram.recordValue(50_000);
        histogram.recordValueWithCount(0, 3);
        HdrBuckets fine = HdrBuckets.of(Recorded.valuesOf(histogram), 1.0, NativeBuckets.GRID);
        ExponentialHistogramBuckets positive = ExponentialPoint.positive(fine, NativeBuckets.GRID);
        assertThat(positive.getScale()).isEqualTo(5);
        assertThat(positive.getTotalCount()).isEqualTo(3);
        assertThat(fine.zeros()).isEqualTo(3);
        double base = Math.pow(2, Math.pow(2, -5));
        // OpenTelemetry: bucket i holds (base^i, base^(i+1)].
        int first = positive.getOffset();
        assertThat(histogram.highestEquivalentValue(1_000)).isGreaterThan((long) Math.pow(base, first))
                .isLessThanOrEqualTo((long) Math.ceil(Math.pow(base, first + 1)));
        assertThat(positive.getBucketCounts().get(0)).isEqualTo(2);
        int last = first + positive.getBucketCounts().size() - 1;
        assertThat(positive.getBucketCounts().get(positive.getBucketCounts().size() - 1)).isEqualTo(1);
        assertThat((double) histogram.highestEquivalentValue(50_000)).isGreaterThan(Math.pow(base, last))
                .isLessThanOrEqualTo(Math.pow(base, last + 1) * (1 + 1e-12));
    }
}
