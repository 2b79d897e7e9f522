package dev.sonde.report;

import java.nio.file.Path;

/**
 * A file that cannot be used as a sonde report: missing, empty, not JSON, truncated, not a sonde
 * report, of a newer schema, or missing what a tool needs. The message is one line that names the
 * file and the problem, fit to print as is; there is never a reason to show a stack trace.
 */
public final class UnreadableReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableReportException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
