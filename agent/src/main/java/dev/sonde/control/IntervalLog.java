package dev.sonde.control;

import dev.sonde.record.OperationSnapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One HdrHistogram log ({@code .hlog}) for (a part of) a series of interval windows: per window, one tagged
 * latency histogram per operation called in it, in nanoseconds. HdrHistogram's own tools read it
 * ({@code HistogramLogReader}, {@code HistogramLogProcessor -tag <tag>}), so percentile drift over a
 * soak test can be plotted without sonde.
 *
 * <p>Timestamps are seconds since the series start ({@code #[StartTime]} and {@code #[BaseTime]} in
 * the header). A tag is the operation name with the characters a tag cannot hold (space, comma)
 * replaced by {@code _}; where that changes a name, a comment line gives the original.
 *
 * <p>Not thread-safe: used by one {@link RotatingIntervalLog}. The file stays open for the
 * whole part and is flushed after every window, so a reader sees whole lines.
 */
final class IntervalLog implements Closeable {

    /** The max column of each line in milliseconds, as HdrHistogram's tools expect by default. */
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Path file;
    private final Instant seriesStart;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Set<String> tagsExplained = new HashSet<>();

    IntervalLog(Path file, Instant seriesStart) throws IOException {
        this.file = file;
        this.seriesStart = seriesStart;
        this.out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.UTF_8);
        this.writer = new HistogramLogWriter(out);
        writer.outputComment("[sonde interval log: latency per operation in nanoseconds, tag = operation]");
        writer.outputLogFormatVersion();
        writer.outputStartTime(seriesStart.toEpochMilli());
        writer.setBaseTime(seriesStart.toEpochMilli());
        writer.outputBaseTime(seriesStart.toEpochMilli());
        writer.outputLegend();
        flush();
    }

    Path file() {
        return file;
    }

    /** Appends one window: a line per operation that was called in it. */
    void append(Instant windowStart, Instant windowEnd, List<OperationSnapshot> window) throws IOException {
        double start = secondsSinceSeriesStart(windowStart);
        double end = secondsSinceSeriesStart(windowEnd);
        for (OperationSnapshot operation : window) {
            String tag = tag(operation.name());
            if (!tag.equals(operation.name()) && tagsExplained.add(tag)) {
                writer.outputComment("[tag " + tag + " = operation " + operation.name().replace('\n', ' ') + "]");
            }
            Histogram histogram = operation.latency().copy();
            histogram.setTag(tag);
            writer.outputIntervalHistogram(start, end, histogram, NANOS_PER_MILLI);
        }
        flush();
    }

    /** An HdrHistogram log tag cannot contain commas, spaces or line breaks. */
    static String tag(String operationName) {
        return operationName.replaceAll("[\\s,]", "_");
    }

    private double secondsSinceSeriesStart(Instant instant) {
        return Math.max(0, Duration.between(seriesStart, instant).toNanos() / 1e9);
    }

    private void flush() throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("could not write " + file);
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
