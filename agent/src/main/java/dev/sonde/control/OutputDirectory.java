package dev.sonde.control;

import dev.sonde.bootstrap.Log;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
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
            Files.delete(createProbe(directory));
            return null;
        } catch (IOException | SecurityException e) {
            return Log.describe(e);
        }
    }

    /**
     * An empty file of a name no other file has. Named by the clock, not by Files.createTempFile,
     * whose random names start SecureRandom, nor by the process id, whose ProcessHandle costs some
     * 10 ms at its first use: both before the application's main. createFile fails on any existing file or
     * link, so a name another JVM took at the same nanosecond is tried again.
     */
    private static Path createProbe(Path directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createFile(directory.resolve(".sonde-probe-" + System.nanoTime() + ".tmp"));
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }
}
