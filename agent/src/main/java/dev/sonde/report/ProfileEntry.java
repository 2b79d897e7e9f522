package dev.sonde.report;

/**
 * One flame graph listed in a report's {@code profiles} section (schema sonde-report/1): the file, the event
 * it samples, when it started, how long it ran and why it was taken; for a graph of an operation's
 * slow calls, normal calls or their difference, which one and what it covers. Fields a report
 * leaves out are null (or 0 for {@code seconds}, -1 for the counts).
 */
public final class ProfileEntry {

    private final String file;
    private final String event;
    private final String start;
    private final double seconds;
    private final String reason;
    private final String operation;
    private final String slice;
    private final long calls;
    private final long samples;
    private final String note;

    public ProfileEntry(String file, String event, String start, double seconds, String reason) {
        this(file, event, start, seconds, reason, null, null, -1, -1, null);
    }

    public ProfileEntry(String file, String event, String start, double seconds, String reason, String operation,
                        String slice, long calls, long samples, String note) {
        this.file = file;
        this.event = event;
        this.start = start;
        this.seconds = seconds;
        this.reason = reason;
        this.operation = operation;
        this.slice = slice;
        this.calls = calls;
        this.samples = samples;
        this.note = note;
    }

    /**
     * The flame graph file, as the report names it (absolute, or relative to the report's directory);
     * null for a slice that had nothing to draw.
     */
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

    /** The operation whose calls a slice graph shows; null for a whole profile. */
    public String operation() {
        return operation;
    }

    /** {@code slow}, {@code normal} or {@code diff}; null for a whole profile. */
    public String slice() {
        return slice;
    }

    /** Calls covered by at least one sample; -1 when not a slice. */
    public long calls() {
        return calls;
    }

    public long samples() {
        return samples;
    }

    /** Why a slice graph is absent or says little, or null. */
    public String note() {
        return note;
    }
}
