package dev.sonde.report.view;

/**
 * One line of a report's findings: what stands out ({@code title}), which operation, the figure
 * that earned it, and a few words of context. {@code value} and {@code unit} carry the figure as a
 * number for machine-readable output.
 */
public final class Finding {

    private final String key;
    private final String title;
    private final String operation;
    private final String figure;
    private final String detail;
    private final double value;
    private final String unit;

    Finding(String key, String title, String operation, String figure, String detail, double value, String unit) {
        this.key = key;
        this.title = title;
        this.operation = operation;
        this.figure = figure;
        this.detail = detail;
        this.value = value;
        this.unit = unit;
    }

    /** A stable identifier, e.g. {@code highestP99}. */
    public String key() {
        return key;
    }

    /** For people, e.g. {@code highest p99}. */
    public String title() {
        return title;
    }

    public String operation() {
        return operation;
    }

    /** The figure as people read it, e.g. {@code 23.2 ms}. */
    public String figure() {
        return figure;
    }

    /** Context for the figure, e.g. {@code p50 20.2 ms, 20 calls}. */
    public String detail() {
        return detail;
    }

    public double value() {
        return value;
    }

    /** {@code ns}, {@code bytes}, {@code percent} or {@code ratio}. */
    public String unit() {
        return unit;
    }
}
