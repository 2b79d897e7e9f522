package dev.sonde.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in configuration: a whole number and a unit, {@code 500ms},
 * {@code 60s}, {@code 10m}, {@code 2h}. {@code off} (or {@code 0}) means "not at all".
 */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /**
     * @return the duration, or {@link Duration#ZERO} for {@code off}/{@code 0}
     * @throws ConfigException naming the key and the accepted forms
     */
    static Duration parse(String text, Key key) throws ConfigException {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("off") || value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = FORM.matcher(value);
        if (!matcher.matches()) {
            throw new ConfigException("invalid value '" + text + "' for " + key.keyName()
                    + ": expected a duration such as 500ms, 60s, 10m or 1h, or off");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    /** The shortest text that {@link #parse} reads back as the same duration: {@code 90s}, {@code 10m}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "off";
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
