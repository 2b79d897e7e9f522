package dev.sonde.report.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangeIntervalTest {

    @Test
    void eachSideOfTheChangeCombinesTheDistancesTheTwoRunsAllowOnThatSide() {
        MetricEstimate base = MetricEstimate.bounded(100, 90, 115, 400);
        MetricEstimate current = MetricEstimate.bounded(150, 140, 170, 400);

        ChangeInterval change = ChangeInterval.between(base, current);

        // lowest: the current 10 lower, the base 15 higher; highest: the current 20 higher, the base 10 lower
        assertThat(change.lower()).isCloseTo(50 - Math.hypot(10, 15), within(1e-9));
        assertThat(change.upper()).isCloseTo(50 + Math.hypot(20, 10), within(1e-9));
        assertThat(change.whollyAboveZero()).isTrue();
    }

    @Test
    void intervalsThatOverlapCanStillSupportAChange() {
        // apart they are not (140 < 145), yet the change's own interval is above zero: 50 - hypot(10, 45) > 0
        MetricEstimate base = MetricEstimate.bounded(100, 55, 145, 400);
        MetricEstimate current = MetricEstimate.bounded(150, 140, 195, 400);

        assertThat(ChangeInterval.between(base, current).whollyAboveZero()).isTrue();
    }

    @Test
    void aChangeWhoseIntervalTakesInZeroIsNeitherAGrowthNorAShrinking() {
        MetricEstimate base = MetricEstimate.bounded(100, 80, 120, 50);
        MetricEstimate current = MetricEstimate.bounded(110, 85, 140, 50);

        ChangeInterval change = ChangeInterval.between(base, current);

        assertThat(change.whollyAboveZero()).isFalse();
        assertThat(change.whollyBelowZero()).isFalse();
    }
}
