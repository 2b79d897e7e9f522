package dev.sonde.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file that sonde writes atomically (a report, a page, a dump) could not be written, said
 * about the file the user asked for. The exception usually names sonde's temporary file next to it
 * ({@code .r.json123.tmp}) and is a Java class name; neither means anything to the user.
 */
public final class WriteProblem {

    private WriteProblem() {
    }

    /** {@code is a directory, not a file}, {@code permission denied in /data}...: the reason alone, one line. */
    public static String describe(Path target, IOException e) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return "is a directory, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (directory == null ? "" : " in " + directory);
        }
        if (e instanceof FileAlreadyExistsException) {
            // creating the directories of the path met a file where a directory had to be
            return ((FileAlreadyExistsException) e).getFile() + " is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory" + (directory == null ? "" : ": " + directory);
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lowerFirst(((FileSystemException) e).getReason());
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "an I/O error" : lowerFirst(e.getMessage());
    }

    /** {@code Read-only file system} reads as {@code read-only file system} after a colon. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
