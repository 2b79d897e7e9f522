package dev.sonde.report.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HumanUnitsTest {

    @Test
    void durationsUseTheLargestUnitThatKeepsThemAtOrAboveOne() {
        assertThat(HumanUnits.duration(0)).isEqualTo("0 ns");
        assertThat(HumanUnits.duration(999)).isEqualTo("999 ns");
        assertThat(HumanUnits.duration(1_000)).isEqualTo("1.0 µs");
        assertThat(HumanUnits.duration(12_345)).isEqualTo("12.3 µs");
        assertThat(HumanUnits.duration(12_300_000)).isEqualTo("12.3 ms");
        assertThat(HumanUnits.duration(1_500_000_000)).isEqualTo("1.5 s");
        assertThat(HumanUnits.duration(3_600_000_000_000L)).isEqualTo("3600.0 s");
    }

    @Test
    void aValueThatRoundsUpToTheNextUnitIsShownInIt() {
        assertThat(HumanUnits.duration(999_960)).isEqualTo("1.0 ms");
        assertThat(HumanUnits.duration(999_940)).isEqualTo("999.9 µs");
        assertThat(HumanUnits.bytes(1_048_575)).isEqualTo("1.0 MiB");
    }

    @Test
    void bytesUseBinaryPrefixes() {
        assertThat(HumanUnits.bytes(0)).isEqualTo("0 B");
        assertThat(HumanUnits.bytes(1023)).isEqualTo("1023 B");
        assertThat(HumanUnits.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(HumanUnits.bytes(2L * 1024 * 1024)).isEqualTo("2.0 MiB");
        assertThat(HumanUnits.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }

    @Test
    void changesAreAlwaysSigned() {
        assertThat(HumanUnits.durationChange(2_800_000)).isEqualTo("+2.8 ms");
        assertThat(HumanUnits.durationChange(-300)).isEqualTo("-300 ns");
        assertThat(HumanUnits.bytesChange(-2048)).isEqualTo("-2.0 KiB");
        assertThat(HumanUnits.percentChange(22.84)).isEqualTo("+22.8%");
        assertThat(HumanUnits.percentChange(-3)).isEqualTo("-3.0%");
        assertThat(HumanUnits.percentChange(0)).isEqualTo("+0.0%");
    }

    @Test
    @ResourceLock("java.util.Locale")
    void theDecimalSeparatorIsADotWhateverTheLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(HumanUnits.duration(12_345_678)).isEqualTo("12.3 ms");
            assertThat(HumanUnits.percent(12.5)).isEqualTo("12.5%");
            assertThat(HumanUnits.ratio(9.66)).isEqualTo("9.7×");
        } finally {
            Locale.setDefault(original);
        }
    }
}
