package dev.sonde.report;

/**
 * One flame graph listed in a report's {@code profiles} section (schema sonde-report/1): the file, the event
 * it samples, when it started, how long it ran and why it was taken. Fields a report leaves out are
 * null (or 0 for {@code seconds}).
 */
public final class ProfileEntry {

    private final String file;
    private final String event;
    private final String start;
    private final double seconds;
    private final String reason;

    public ProfileEntry(String file, String event, String start, double seconds, String reason) {
        this.file = file;
        this.event = event;
        this.start = start;
        this.seconds = seconds;
        this.reason = reason;
    }

    /** The flame graph file, as the report names it (absolute, or relative to the report's directory). */
    public String file() {
        return file;
    }

    public String event() {
        return event;
    }

    public String start() {
        return start;
    }

    public double seconds() {
        return seconds;
    }

    public String reason() {
        return reason;
    }
}
