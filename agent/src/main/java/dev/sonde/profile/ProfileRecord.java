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
    private final SliceFacts slice;

    ProfileRecord(Path file, ProfileEvent event, Instant start, double seconds, String reason) {
        this(file, event, start, seconds, reason, null);
    }

    private ProfileRecord(Path file, ProfileEvent event, Instant start, double seconds, String reason, SliceFacts slice) {
        this.file = file;
        this.event = event;
        this.start = start;
        this.seconds = seconds;
        this.reason = reason;
        this.slice = slice;
    }

    /** {@code profile} as the JFR recording it was made from, when converting it took too long. */
    static ProfileRecord recordingOf(ProfileRecord profile, Path recording) {
        return new ProfileRecord(recording, profile.event, profile.start, profile.seconds, profile.reason, null);
    }

    /** A slow/normal/diff graph of {@code profile}'s samples; {@code file} null when none was written. */
    static ProfileRecord slice(ProfileRecord profile, Path file, SliceFacts slice) {
        return new ProfileRecord(file, ProfileEvent.WALL, profile.start, profile.seconds, profile.reason, slice);
    }

    /** The flame graph; null for a slice that had nothing to show ({@link SliceFacts#note()} says why). */
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

    /** For a graph of an operation's slow calls, normal calls or their difference: what it covers. */
    public java.util.Optional<SliceFacts> slice() {
        return java.util.Optional.ofNullable(slice);
    }

    /** One line for the person who asked for it: the file, and for a slice what it covers. */
    public String line() {
        if (slice == null) {
            return String.valueOf(file);
        }
        StringBuilder text = new StringBuilder(slice.operation()).append(' ').append(slice.slice()).append(": ")
                .append(file == null ? "no graph" : file.toString())
                .append(" (").append(slice.calls()).append(" of ").append(slice.callsMade()).append(" calls sampled, ")
                .append(slice.samples()).append(" samples)");
        if (slice.note() != null) {
            text.append("; ").append(slice.note());
        }
        return text.toString();
    }
}
