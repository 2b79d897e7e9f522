package dev.sonde.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Bucket indexes as Prometheus defines them for native histograms: (lower, upper] bounds. */
class ExponentialGridTest {

    private final ExponentialGrid schema3 = new ExponentialGrid(3);

    @Test
    void aValueOnABoundBelongsToTheBucketItCloses() {
        assertThat(schema3.index(1.0)).isZero();
        assertThat(schema3.index(1024.0)).isEqualTo(80);
        assertThat(schema3.index(Math.pow(2, -10))).isEqualTo(-80);
        assertThat(schema3.index(Math.nextUp(1024.0))).isEqualTo(81);
    }

    @Test
    void everyValueLiesAboveTheBoundBelowItsBucketAndAtOrUnderItsOwn() {
        for (double value = 1e-9; value < 1e4; value *= 1.0137) {
            int index = schema3.index(value);
            assertThat(value).isGreaterThan(schema3.upperBound(index - 1)).isLessThanOrEqualTo(schema3.upperBound(index));
        }
    }

    @Test
    void schema3BucketsAreNinePercentWideAndSchema5OnesTwo() {
        assertThat(schema3.relativeWidth()).isCloseTo(0.0905, within(0.0001));
        assertThat(new ExponentialGrid(5).relativeWidth()).isCloseTo(0.0219, within(0.0001));
    }
}
