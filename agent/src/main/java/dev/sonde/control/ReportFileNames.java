package dev.sonde.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Report file names: the pid and a UTC time, so that two runs never overwrite each other (in a
 * container every JVM may be pid 1) and a listing sorts by time.
 * <ul>
 *   <li>{@code sonde-report-<pid>-<start>.json}: the cumulative report written at shutdown</li>
 *   <li>{@code sonde-dump-<pid>-<now>.json}: an on-demand report</li>
 * </ul>
 */
final class ReportFileNames {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private ReportFileNames() {
    }

    static String shutdown(long pid, Instant recordingStart) {
        return "sonde-report-" + pid + "-" + SECONDS.format(recordingStart) + ".json";
    }

    static String onDemand(long pid, Instant now) {
        return "sonde-dump-" + pid + "-" + MILLIS.format(now) + ".json";
    }
}
