package dev.sonde.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql} package) of the test's own: a fresh data
 * directory under /tmp, trust authentication, loopback only, a free port; stopped and deleted by
 * {@link #close}. PostgreSQL refuses to run as root, so under root it runs as the {@code postgres}
 * user (through {@code runuser}). Missing PostgreSQL fails the test: CI installs it
 * ({@code agent/src/test/scripts/ensure-postgresql}), and a skipped test would hide broken SQL timing.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "sonde";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

    private final Path root;
    private final Path data;
    private final int port;

    private PostgresServer(Path root, int port) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    static PostgresServer start() throws Exception {
        Path bin = binaries();
        Path root = Files.createTempDirectory("sonde-postgres-");
        PostgresServer server = new PostgresServer(root, HttpProbe.freePort());
        if (isRoot()) {
            run(List.of("chown", "postgres", root.toString()), root);
        }
        server.runAsServerUser(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(),
                "-A", "trust", "-U", USER, "--no-sync", "-E", "UTF8"));
        server.runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data.toString(),
                "-l", root.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + server.port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    boolean accepting() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            runAsServerUser(List.of(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                    "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The newest installed PostgreSQL's binaries (Debian keeps them per major version). */
    private static Path binaries() throws IOException {
        Path versions = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                List<Path> found = installed.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .sorted(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1).resolve("bin");
                }
            }
        }
        throw new AssertionError("no PostgreSQL under /usr/lib/postgresql;"
                + " run agent/src/test/scripts/ensure-postgresql (Debian's postgresql package)");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void runAsServerUser(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, root);
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Path output = Files.createTempFile("sonde-postgres-command-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command + "\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("failed (" + process.exitValue() + "): " + command + "\n"
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
