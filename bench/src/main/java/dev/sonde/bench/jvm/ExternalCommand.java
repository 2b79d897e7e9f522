package dev.sonde.bench.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run in a new process, its output (stdout and stderr) in a log file that starts with the command line. */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /** Starts {@code command}; its output goes to {@code log} (replaced). */
    public static Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.write(log, ("$ " + String.join(" ", command) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Runs {@code command} to its end and returns its output lines; fails if it exits non-zero or
     * outlives {@code limit} (then it is killed).
     */
    public static List<String> run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        Process process = start(command, log);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(command.get(0) + " timed out after " + limit.toSeconds() + " s (killed); see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " exited with " + process.exitValue() + "; see " + log);
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** Asks the process to end (SIGTERM: shutdown hooks run), then kills it past {@code grace}. */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
