package dev.sonde.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profile.slow=<operation>><threshold>}: which calls of an operation count as slow in the
 * slow / normal / diff flame graphs written beside every profile.
 * <ul>
 *   <li>{@code com.acme.OrderService#place>50ms}: a call longer than 50 ms is slow</li>
 *   <li>{@code GET /api/orders>p99}: a call longer than the operation's p99 is slow; the p99 is
 *       read from sonde's histogram of the operation (every call since recording began) when the
 *       profile ends</li>
 * </ul>
 * The threshold follows the last {@code >}, so operation names may contain {@code >} themselves.
 * Immutable.
 */
public final class SlowCallRule {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(?:\\.\\d+)?)");

    private final String operation;
    private final Duration threshold;
    private final double percentile;

    private SlowCallRule(String operation, Duration threshold, double percentile) {
        this.operation = operation;
        this.threshold = threshold;
        this.percentile = percentile;
    }

    /** One rule, e.g. {@code GET /api/orders>p99}. */
    public static SlowCallRule parse(String text) throws ConfigException {
        int split = text.lastIndexOf('>');
        if (split <= 0 || split == text.length() - 1 || text.substring(0, split).trim().isEmpty()) {
            throw invalid(text, "expected <operation>><threshold>, e.g. GET /api/orders>50ms or com.acme.Shop#buy>p99");
        }
        String operation = text.substring(0, split).trim();
        String threshold = text.substring(split + 1).trim().toLowerCase(Locale.ROOT);
        Matcher percentile = PERCENTILE.matcher(threshold);
        if (percentile.matches()) {
            double value = Double.parseDouble(percentile.group(1));
            if (value <= 0 || value >= 100) {
                throw invalid(text, "the percentile must be above p0 and below p100");
            }
            return new SlowCallRule(operation, null, value);
        }
        Duration duration;
        try {
            duration = DurationText.parse(threshold, Key.PROFILE_SLOW);
        } catch (ConfigException notADuration) {
            throw invalid(text, "the threshold is a duration (50ms, 2s) or a percentile (p95, p99)");
        }
        if (duration.isZero()) {
            throw invalid(text, "the threshold must be longer than 0");
        }
        return new SlowCallRule(operation, duration, 0);
    }

    /** Every rule of the key's values, each value holding one or more separated by {@code ;}; one per operation. */
    public static List<SlowCallRule> parseAll(List<String> texts) throws ConfigException {
        Map<String, SlowCallRule> rules = new LinkedHashMap<>();
        for (String value : texts) {
            for (String text : value.split(";")) {
                if (text.trim().isEmpty()) {
                    continue;
                }
                SlowCallRule rule = parse(text.trim());
                if (rules.put(rule.operation, rule) != null) {
                    throw invalid(text.trim(), "the operation '" + rule.operation + "' is named twice");
                }
            }
        }
        return new ArrayList<>(rules.values());
    }

    private static ConfigException invalid(String text, String why) {
        return new ConfigException("invalid profile.slow '" + text + "': " + why);
    }

    /** The operation name, as reports write it. */
    public String operation() {
        return operation;
    }

    /** Whether the threshold is the operation's percentile rather than a fixed duration. */
    public boolean byPercentile() {
        return threshold == null;
    }

    /** The fixed threshold; null when {@link #byPercentile()}. */
    public Duration threshold() {
        return threshold;
    }

    /** The percentile (e.g. 99.0) when {@link #byPercentile()}; else 0. */
    public double percentile() {
        return percentile;
    }

    /** As written back in configuration: {@code GET /api/orders>p99}, {@code com.acme.Shop#buy>50ms}. */
    @Override
    public String toString() {
        if (threshold != null) {
            return operation + ">" + DurationText.format(threshold);
        }
        String value = percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
        return operation + ">p" + value;
    }
}
