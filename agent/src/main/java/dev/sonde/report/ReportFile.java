package dev.sonde.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A report as read from a file by {@link ReportReader}: the model, where it came from, and the
 * {@code profiles} section, which the {@link Report} model does not hold (yet).
 */
public final class ReportFile {

    private final Path path;
    private final Report report;
    private final List<ProfileEntry> profiles;

    public ReportFile(Path path, Report report, List<ProfileEntry> profiles) {
        this.path = path;
        this.report = report;
        this.profiles = List.copyOf(profiles);
    }

    public Path path() {
        return path;
    }

    public Report report() {
        return report;
    }

    /** The flame graphs the report lists; empty when it lists none. */
    public List<ProfileEntry> profiles() {
        return profiles;
    }
}
