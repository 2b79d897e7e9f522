package dev.sonde.profile;

import java.nio.file.Path;
import java.time.Instant;

/** A profile that was taken: listed in every report written after it (the report's {@code profiles}). */
public final class ProfileRecord {

    private final Path file;
    private final ProfileEvent event;
    private final Instant start;
    private final double seconds;
    private final String reason;

    ProfileRecord(Path file, ProfileEvent event, Instant start, double seconds, String reason) {
        this.file = file;
        this.event = event;
        this.start = start;
        this.seconds = seconds;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public ProfileEvent event() {
        return event;
    }

    public Instant start() {
        return start;
    }

    public double seconds() {
        return seconds;
    }

    /** Why it was taken: {@code on-demand}, {@code whole-run}, {@code scheduled}, or {@code trigger: ...}. */
    public String reason() {
        return reason;
    }
}
