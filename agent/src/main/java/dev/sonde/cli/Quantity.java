package dev.sonde.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Option values with units, as people type them: {@code 10%}, {@code 1ms}, {@code 500us},
 * {@code 4KiB}, {@code 20}. Anything else is a {@link UsageException} that names the option and
 * shows an example.
 */
final class Quantity {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Zµ%]*)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L);
    private static final Map<String, Long> BYTES_PER_UNIT = Map.of(
            "b", 1L, "kb", 1_000L, "kib", 1024L, "mb", 1_000_000L, "mib", 1024L * 1024, "gb", 1_000_000_000L,
            "gib", 1024L * 1024 * 1024);

    private Quantity() {
    }

    /** {@code 10%}, {@code 10} or {@code 2.5%}: a percentage, 0 or more. */
    static BigDecimal percent(String option, String text) throws UsageException {
        Matcher matcher = NUMBER_AND_UNIT.matcher(text.trim());
        if (!matcher.matches() || !(matcher.group(2).isEmpty() || matcher.group(2).equals("%"))) {
            throw new UsageException("--" + option + " takes a percentage such as 10%, not '" + text + "'");
        }
        return new BigDecimal(matcher.group(1));
    }

    /** A whole number, at least {@code min}. */
    static long whole(String option, String text, long min) throws UsageException {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + option + " takes a whole number of at least " + min + ", not '" + text + "'");
    }

    /** True when {@code text} has a byte unit ({@code B}, {@code KiB}, {@code MB}...). */
    static boolean isBytes(String text) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(text.trim());
        return matcher.matches() && BYTES_PER_UNIT.containsKey(matcher.group(2).toLowerCase(Locale.ROOT));
    }

    /** {@code 1ms}, {@code 250us}, {@code 2s}, {@code 0}: nanoseconds. */
    static long nanos(String option, String text) throws UsageException {
        return scaled(option, text, NANOS_PER_UNIT, false, "a duration such as 1ms, 500us or 2s");
    }

    /** {@code 512B}, {@code 4KiB}, {@code 1MB}, {@code 0}: bytes. */
    static long bytes(String option, String text) throws UsageException {
        return scaled(option, text, BYTES_PER_UNIT, true, "a size such as 512B, 4KiB or 1MiB");
    }

    private static long scaled(String option, String text, Map<String, Long> units, boolean ignoreCase, String example)
            throws UsageException {
        Matcher matcher = NUMBER_AND_UNIT.matcher(text.trim());
        if (matcher.matches()) {
            BigDecimal number = new BigDecimal(matcher.group(1));
            String unit = ignoreCase ? matcher.group(2).toLowerCase(Locale.ROOT) : matcher.group(2);
            if (unit.isEmpty() && number.signum() == 0) {
                return 0;
            }
            Long factor = units.get(unit);
            if (factor != null) {
                return number.multiply(BigDecimal.valueOf(factor)).longValue();
            }
        }
        throw new UsageException("--" + option + " takes " + example + ", not '" + text + "'");
    }
}
