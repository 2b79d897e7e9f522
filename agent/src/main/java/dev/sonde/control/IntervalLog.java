package dev.sonde.control;

import dev.sonde.record.OperationSnapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Whole windows or nothing: a window's lines are built in memory and appended with one write.
 * If that write fails (a full disk), the file is cut back to where the window began, so the log
 * never ends in a partial line and the next window appends cleanly; the exception keeps the
 * operating system's reason (a {@link PrintStream} would swallow it). A {@code kill -9} can still
 * cut the file's last line: Linux stops a large write between two pages when the process is being
 * killed (a window of 500 operations is some 80 KB). The lines before it stay whole.
 *
 * <p>Not thread-safe: used by one {@link RotatingIntervalLog}. The file stays open for the whole part.
 */
final class IntervalLog implements Closeable {

    /** The max column of each line in milliseconds, as HdrHistogram's tools expect by default. */
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Path file;
    private final Instant seriesStart;
    private final FileChannel channel;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(pending, false, StandardCharsets.UTF_8);
    private final HistogramLogWriter writer = new HistogramLogWriter(out);
    private final Set<String> tagsExplained = new HashSet<>();

    /** Creates the file with its header; if even that cannot be written, no file is left behind. */
    IntervalLog(Path file, Instant seriesStart) throws IOException {
        this.file = file;
        this.seriesStart = seriesStart;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        writer.outputComment("[sonde interval log: latency per operation in nanoseconds, tag = operation]");
        writer.outputLogFormatVersion();
        writer.outputStartTime(seriesStart.toEpochMilli());
        writer.setBaseTime(seriesStart.toEpochMilli());
        writer.outputBaseTime(seriesStart.toEpochMilli());
        writer.outputLegend();
        try {
            flush();
        } catch (IOException e) {
            close();
            Files.deleteIfExists(file);
            throw e;
        }
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

    /** Appends what is pending in one write; on failure, cuts the file back and drops it. */
    private void flush() throws IOException {
        out.flush();
        ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
        pending.reset();
        long end = channel.size();
        try {
            channel.position(end);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException ignored) {
                // The write's own failure is the one to report.
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every window was written (or reported) already; nothing is buffered.
        }
    }
}
