package dev.sonde.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one line a target JVM sends back for an {@link AgentRequest}: {@code ok <message>} or
 * {@code error <message>}, where the message is meant for the user as it is.
 *
 * <p>The attach API returns nothing from {@code agentmain} but success or failure, so the reply goes
 * through a file the command line names in its request. The target creates it new (a file or
 * symbolic link planted there beforehand makes the write fail instead of being followed); the command
 * line reads it once {@code loadAgent} has returned, which is after {@code agentmain} has, and
 * deletes it.
 */
public final class ControlReply {

    private static final String OK = "ok ";
    private static final String ERROR = "error ";

    private ControlReply() {
    }

    public static String ok(String message) {
        return OK + message;
    }

    public static String error(String message) {
        return ERROR + message;
    }

    public static boolean isOk(String line) {
        return line.startsWith(OK);
    }

    /** The message without the {@code ok}/{@code error} word. */
    public static String message(String line) {
        if (line.startsWith(OK)) {
            return line.substring(OK.length());
        }
        return line.startsWith(ERROR) ? line.substring(ERROR.length()) : line;
    }

    /** In the target: writes the reply line into a new file. */
    static void write(Path file, String line) throws IOException {
        Files.write(file, (line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * In the command line: a new reply file name in the temporary directory, which the target (maybe
     * another user, when the command runs as root) can create a file in.
     */
    public static Path newFileFor(long pid) {
        String name = "sonde-reply-" + pid + "-" + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + ".txt";
        return Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve(name);
    }

    /**
     * In the command line: reads and deletes the reply. A target in a container has its own
     * {@code /tmp}; its file is then reached through {@code /proc/<pid>/root}, as the attach API
     * reaches the target's socket.
     */
    public static Optional<String> take(Path file, long pid) throws IOException {
        for (Path candidate : new Path[]{file, Paths.get("/proc/" + pid + "/root" + file)}) {
            try {
                String line = Files.readString(candidate, StandardCharsets.UTF_8).trim();
                Files.deleteIfExists(candidate);
                return Optional.of(line);
            } catch (NoSuchFileException e) {
                // try the next place
            }
        }
        return Optional.empty();
    }
}
