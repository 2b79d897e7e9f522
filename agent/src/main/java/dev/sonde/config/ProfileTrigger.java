package dev.sonde.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profile.trigger=<operation>><threshold>}: profile when an operation turns slow.
 * <ul>
 *   <li>{@code com.acme.OrderService#place>200ms}: a call slower than 200 ms (the window's maximum)</li>
 *   <li>{@code GET /api/orders>p99:150ms}: the window's p99 above 150 ms</li>
 * </ul>
 * The threshold follows the last {@code >}, so operation names may contain {@code >} themselves.
 */
public final class ProfileTrigger {

    private static final Pattern THRESHOLD = Pattern.compile("(?:(p\\d{1,2}(?:\\.\\d+)?|max):)?(\\d+\\s*(?:ms|s|m|h))");

    private final String operation;
    private final double percentile;
    private final Duration threshold;
    private final String text;

    private ProfileTrigger(String operation, double percentile, Duration threshold, String text) {
        this.operation = operation;
        this.percentile = percentile;
        this.threshold = threshold;
        this.text = text;
    }

    static ProfileTrigger parse(String text) throws ConfigException {
        int split = text.lastIndexOf('>');
        if (split <= 0 || split == text.length() - 1) {
            throw invalid(text, "expected <operation>><threshold>, e.g. com.acme.OrderService#place>200ms");
        }
        String operation = text.substring(0, split).trim();
        Matcher matcher = THRESHOLD.matcher(text.substring(split + 1).trim());
        if (operation.isEmpty() || !matcher.matches()) {
            throw invalid(text, "the threshold is a duration, optionally a percentile first: 200ms, p99:150ms");
        }
        String which = matcher.group(1);
        double percentile = which == null || which.equals("max") ? 100.0 : Double.parseDouble(which.substring(1));
        if (percentile <= 0 || percentile > 100) {
            throw invalid(text, "the percentile must be between 0 and 100");
        }
        Duration threshold = DurationText.parse(matcher.group(2), Key.PROFILE_TRIGGER);
        return new ProfileTrigger(operation, percentile, threshold, text.trim());
    }

    private static ConfigException invalid(String text, String why) {
        return new ConfigException("invalid profile.trigger '" + text + "': " + why);
    }

    /** The operation name, as reports write it. */
    public String operation() {
        return operation;
    }

    /** 100 for "any call slower than" (the maximum); else the percentile compared. */
    public double percentile() {
        return percentile;
    }

    public Duration threshold() {
        return threshold;
    }

    @Override
    public String toString() {
        return text;
    }
}
