package dev.sonde.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

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

    @Test
    void shortBoundsAreWholeOrOfThreeSignificantDigitsWithinHalfAPercentAndInOrder() {
        for (ExponentialGrid grid : new ExponentialGrid[] {schema3, new ExponentialGrid(1)}) {
            double below = 0;
            // Past the cached indexes (64 doublings either side of 1) too.
            for (int index = -1000; index <= 1000; index++) {
                double exact = grid.upperBound(index);
                double shown = grid.shortUpperBound(index);
                if (exact == Math.rint(exact)) {
                    assertThat(shown).as("a whole bound as it is").isEqualTo(exact);
                } else {
                    assertThat(BigDecimal.valueOf(shown).stripTrailingZeros().precision()).as("digits of " + shown)
                            .isLessThanOrEqualTo(3);
                    double thirdDigit = Math.pow(10, Math.floor(Math.log10(exact)) - 2);
                    assertThat(Math.abs(shown - exact)).as("%s is the three-digit number nearest %s", shown, exact)
                            .isLessThanOrEqualTo(thirdDigit * 0.5000001);
                }
                assertThat(shown).isCloseTo(exact, within(exact * 0.005));
                assertThat(shown).isGreaterThan(below);
                below = shown;
            }
        }
        assertThat(schema3.shortUpperBound(-60)).isEqualTo(0.00552);
        assertThat(schema3.shortUpperBound(0)).isEqualTo(1.0);
        assertThat(new ExponentialGrid(1).shortUpperBound(20)).as("2^10 bytes").isEqualTo(1024.0);
    }
}
