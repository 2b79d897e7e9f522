package dev.sonde.report.view;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for tests that must see a page rendered by a real browser. Each run
 * gets a fresh profile directory and a time limit (the browser and its helpers are killed past it),
 * reaches no network (every host name resolves to nothing), and logs the page's console to stderr,
 * where {@link Page#consoleLines()} finds it.
 */
public final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Path ENSURE_SCRIPT = Paths.get("src/test/scripts/ensure-chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * The browser, installing it with {@code ensure-chromium} if it is missing; empty with the reason
     * when it is absent and cannot be installed.
     */
    public static Optional<HeadlessChromium> find(Path work, StringBuilder whyNot) throws IOException, InterruptedException {
        Optional<Path> executable = onPath();
        if (executable.isEmpty() && Files.isExecutable(ENSURE_SCRIPT)) {
            Process install = new ProcessBuilder(ENSURE_SCRIPT.toString()).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            install.waitFor(10, TimeUnit.MINUTES);
            whyNot.append(output.trim());
            executable = onPath();
        }
        if (executable.isEmpty() && whyNot.length() == 0) {
            whyNot.append("no chromium on the PATH and no ").append(ENSURE_SCRIPT).append(" to install it");
        }
        Files.createDirectories(work);
        return executable.map(path -> new HeadlessChromium(path, work));
    }

    private static Optional<Path> onPath() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Paths.get(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM after the page's scripts ran ({@code --dump-dom}). */
    public Page dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** A PNG of the first {@code width × height} pixels of the page. */
    public Page screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        return run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url));
    }

    private Page run(List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile-");
        Path stdout = Files.createTempFile(work, "stdout-", ".txt");
        Path stderr = Files.createTempFile(work, "stderr-", ".txt");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        command.addAll(action);
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command
                        + "\n" + Files.readString(stderr));
            }
            return new Page(process.exitValue(), Files.readString(stdout), Files.readString(stderr), command);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException stillInUse) {
            // A helper process may hold a file a moment longer; the directory is under target/.
        }
    }

    /** What one browser run produced. */
    public static final class Page {
        public final int exitCode;
        public final String stdout;
        final String stderr;
        final List<String> command;

        Page(int exitCode, String stdout, String stderr, List<String> command) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.command = command;
        }

        /** Messages the page logged to its console, errors included. */
        public List<String> consoleLines() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE")).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " of " + command + "\n--- stderr\n" + stderr;
        }
    }
}
