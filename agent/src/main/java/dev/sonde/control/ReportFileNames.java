package dev.sonde.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Report file names: the pid and a UTC time, so that two runs never overwrite each other (in a
 * container every JVM may be pid 1) and a listing sorts by time.
 * <ul>
 *   <li>{@code sonde-report-<pid>-<start>.json}: the cumulative report written at shutdown</li>
 *   <li>{@code sonde-dump-<pid>-<now>.json}: an on-demand report; {@code -2}, {@code -3}... added
 *       when dumps come faster than one a millisecond</li>
 *   <li>{@code sonde-interval-<pid>-<series start>-<n>.json}: window {@code n} (from 1, six digits, so
 *       that a listing sorts 11 days of 1-second windows) of a series of interval reports</li>
 *   <li>{@code sonde-interval-<pid>-<series start>-<n>.hlog}: the same windows' histograms, a log
 *       per part of the series, {@code n} being the part's first window</li>
 * </ul>
 * A series starts with the recording, and again when a second {@code attach} reconfigures sonde.
 * {@code detach} writes its final report under the shutdown report's name.
 */
final class ReportFileNames {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private ReportFileNames() {
    }

    static String shutdown(long pid, Instant recordingStart) {
        return "sonde-report-" + pid + "-" + SECONDS.format(recordingStart) + ".json";
    }

    /** @param sequence 1 for the first dump in this millisecond, 2 for the next... */
    static String onDemand(long pid, Instant now, int sequence) {
        return "sonde-dump-" + pid + "-" + MILLIS.format(now) + (sequence == 1 ? "" : "-" + sequence) + ".json";
    }

    static String interval(long pid, Instant seriesStart, long window) {
        return intervalFile(pid, seriesStart, window, ".json");
    }

    static String intervalLog(long pid, Instant seriesStart, long firstWindow) {
        return intervalFile(pid, seriesStart, firstWindow, ".hlog");
    }

    private static String intervalFile(long pid, Instant seriesStart, long window, String extension) {
        return "sonde-interval-" + pid + "-" + MILLIS.format(seriesStart) + "-" + String.format("%06d", window) + extension;
    }
}
