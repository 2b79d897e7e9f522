package dev.sonde.control;

import dev.sonde.bootstrap.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Chooses where reports go: the configured {@code out} if it can be written, else a
 * {@code sonde-out-<user>} folder in the temporary directory, with one line saying so. Checked at start, not at shutdown,
 * so a mistake is seen while it can still be fixed.
 */
final class OutputDirectory {

    private OutputDirectory() {
    }

    static Path choose(Path configured) {
        String problem = problemWith(configured);
        if (problem == null) {
            return configured.toAbsolutePath();
        }
        // Per user: a shared /tmp/sonde-out made by one user is not writable by the next.
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path fallback = Paths.get(System.getProperty("java.io.tmpdir"), "sonde-out-" + user).toAbsolutePath();
        if (problemWith(fallback) == null) {
            Log.error("cannot write reports to out=" + configured + " (" + problem + "); writing them to "
                    + fallback + " instead");
            return fallback;
        }
        Log.error("cannot write reports to out=" + configured + " (" + problem + ") nor to " + fallback
                + "; reports will fail until out is fixed");
        return configured.toAbsolutePath();
    }

    /** Null if the directory exists (or can be made) and a file can be created in it. */
    static String problemWith(Path directory) {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                return "it is a file, not a directory";
            }
            Files.createDirectories(directory);
            // Named by process and clock rather than by Files.createTempFile, whose random names cost
            // the start of SecureRandom before the application's main; createFile fails on any
            // existing file or link.
            Path probe = Files.createFile(directory.resolve(
                    ".sonde-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp"));
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return Log.describe(e);
        }
    }
}
