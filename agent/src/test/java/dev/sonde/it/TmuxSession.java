package dev.sonde.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command in a real terminal: a detached tmux session on a server of its own (so nothing else on
 * the machine shares it), driven by {@code send-keys} and read by {@code capture-pane}. Closing kills
 * the server and with it whatever still runs in the terminal. CI installs tmux
 * ({@code agent/src/test/scripts/ensure-tmux}, run by {@code .ci/run}).
 */
public final class TmuxSession implements AutoCloseable {

    private static final long TMUX_TIMEOUT_SECONDS = 10;

    private final String socket;
    private final String name;

    private TmuxSession(String socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /** Runs {@code shellCommand} in a {@code width} x {@code height} terminal, in {@code directory}. */
    public static TmuxSession start(String name, int width, int height, Path directory, String shellCommand)
            throws IOException, InterruptedException {
        TmuxSession session = new TmuxSession("sonde-" + name + "-" + ProcessHandle.current().pid(), name);
        session.tmux("new-session", "-d", "-s", name, "-x", String.valueOf(width), "-y", String.valueOf(height),
                "-c", directory.toString(), shellCommand);
        return session;
    }

    /** What the terminal shows now, one string per row, trailing blank rows left out. */
    public String capture() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p").stripTrailing();
    }

    /** Types keys as tmux names them: {@code q}, {@code Enter}, {@code Down}. */
    public void sendKeys(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("send-keys"));
        command.addAll(List.of(keys));
        tmux(command.toArray(new String[0]));
    }

    /** Makes the terminal {@code width} x {@code height}, as a user resizing the window does (the command gets SIGWINCH). */
    public void resize(int width, int height) throws IOException, InterruptedException {
        tmux("resize-window", "-t", name, "-x", String.valueOf(width), "-y", String.valueOf(height));
    }

    private String tmux(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(TMUX_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tmux did not answer within " + TMUX_TIMEOUT_SECONDS + " s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // The session ended with its command, and the server with it.
        }
    }
}
