package dev.sonde.report.view;

import java.util.Locale;

/**
 * Figures as people read them: {@code 850 ns}, {@code 12.3 ms}, {@code 2.0 MiB}, {@code +22.8%}.
 * One decimal once a value is scaled, binary prefixes for bytes, and always a dot as the decimal
 * separator (reports are compared across machines, whatever their locale).
 */
public final class HumanUnits {

    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private HumanUnits() {
    }

    /** A duration in nanoseconds: {@code 850 ns}, {@code 12.3 µs}, {@code 12.3 ms}, {@code 1.5 s}. */
    public static String duration(long nanos) {
        return scaled(nanos, 1000, TIME_UNITS);
    }

    /** A byte count: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 MiB}. */
    public static String bytes(long bytes) {
        return scaled(bytes, 1024, BYTE_UNITS);
    }

    /** A change of a duration, always signed: {@code +2.8 ms}, {@code -300 ns}. */
    public static String durationChange(long nanos) {
        return (nanos >= 0 ? "+" : "-") + duration(Math.abs(nanos));
    }

    /** A change of a byte count, always signed. */
    public static String bytesChange(long bytes) {
        return (bytes >= 0 ? "+" : "-") + bytes(Math.abs(bytes));
    }

    /** A share, 0 to 100: {@code 12.5%}. */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A relative change in percent, always signed: {@code +22.8%}, {@code -3.0%}. */
    public static String percentChange(double percent) {
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A ratio: {@code 11.2×}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.1f×", ratio);
    }

    /** Calls per second: {@code 1409.9/s}. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    private static String scaled(long value, int step, String[] units) {
        if (Math.abs(value) < step) {
            return value + " " + units[0];
        }
        double scaled = value;
        int unit = 0;
        // Scale on the rounded figure, so 999.96 µs reads 1.0 ms, not 1000.0 µs.
        while (unit < units.length - 1 && Math.abs(Math.round(scaled * 10) / 10.0) >= step) {
            scaled /= step;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }
}
