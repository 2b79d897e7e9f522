package dev.sonde.control;

import dev.sonde.record.OperationSnapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The {@code .hlog} of a series, cut into parts so that {@code keep} bounds its disk use too: each
 * part is a complete HdrHistogram log of {@code windowsPerPart} windows, named after its first window,
 * and only the newest {@link #PARTS_KEPT} parts stay. With {@code windowsPerPart = keep}, the parts on
 * disk always cover at least the windows whose reports are kept.
 *
 * <p>Every part has the same start and base time (the series start), so the parts of a series,
 * concatenated in name order, read as one log.
 *
 * <p>Not thread-safe: used by one {@link IntervalReports} under its lock.
 */
final class RotatingIntervalLog implements Closeable {

    static final int PARTS_KEPT = 2;

    private final Path directory;
    private final long pid;
    private final Instant seriesStart;
    private final long windowsPerPart;
    private final Deque<IntervalLog> parts = new ArrayDeque<>();
    private long windows;

    RotatingIntervalLog(Path directory, long pid, Instant seriesStart, long windowsPerPart) {
        this.directory = directory;
        this.pid = pid;
        this.seriesStart = seriesStart;
        this.windowsPerPart = windowsPerPart;
    }

    /** Opens the first part, so that a directory that cannot be written to fails at start. */
    void open() throws IOException {
        startPart();
    }

    /** The part being written. */
    Path currentFile() {
        return parts.getLast().file();
    }

    void append(Instant windowStart, Instant windowEnd, List<OperationSnapshot> window) throws IOException {
        if (windows > 0 && windows % windowsPerPart == 0) {
            parts.getLast().close();
            startPart();
            deleteOldParts();
        }
        parts.getLast().append(windowStart, windowEnd, window);
        windows++;
    }

    private void startPart() throws IOException {
        Path file = directory.resolve(ReportFileNames.intervalLog(pid, seriesStart, windows + 1));
        parts.addLast(new IntervalLog(file, seriesStart));
    }

    private void deleteOldParts() throws IOException {
        while (parts.size() > PARTS_KEPT) {
            Files.deleteIfExists(parts.removeFirst().file());
        }
    }

    @Override
    public void close() {
        if (!parts.isEmpty()) {
            parts.getLast().close();
        }
    }
}
