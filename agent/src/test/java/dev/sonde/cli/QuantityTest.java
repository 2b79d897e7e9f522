package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @Test
    void durationsTakeTheUnitsPeopleType() throws Exception {
        assertThat(Quantity.nanos("min-delta", "1ms")).isEqualTo(1_000_000);
        assertThat(Quantity.nanos("min-delta", "500us")).isEqualTo(500_000);
        assertThat(Quantity.nanos("min-delta", "500µs")).isEqualTo(500_000);
        assertThat(Quantity.nanos("min-delta", "1.5 s")).isEqualTo(1_500_000_000);
        assertThat(Quantity.nanos("min-delta", "250ns")).isEqualTo(250);
        assertThat(Quantity.nanos("min-delta", "0")).isZero();
    }

    @Test
    void aDurationWithoutAUnitIsAmbiguousAndRefused() {
        assertThatThrownBy(() -> Quantity.nanos("min-delta", "5"))
                .hasMessage("--min-delta takes a duration such as 1ms, 500us or 2s, not '5'");
    }

    @Test
    void sizesTakeBinaryAndDecimalPrefixes() throws Exception {
        assertThat(Quantity.bytes("min-delta", "4KiB")).isEqualTo(4096);
        assertThat(Quantity.bytes("min-delta", "4kb")).isEqualTo(4000);
        assertThat(Quantity.bytes("min-delta", "1MiB")).isEqualTo(1024 * 1024);
        assertThat(Quantity.bytes("min-delta", "512B")).isEqualTo(512);
        assertThat(Quantity.isBytes("512B")).isTrue();
        assertThat(Quantity.isBytes("1ms")).isFalse();
    }

    @Test
    void percentagesMayOmitThePercentSign() throws Exception {
        assertThat(Quantity.percent("threshold", "10%")).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(Quantity.percent("threshold", "2.5")).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThatThrownBy(() -> Quantity.percent("threshold", "-5%")).hasMessageStartingWith("--threshold takes a percentage");
    }
}
