package dev.sonde.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real JVM started by a test, usually with the built agent jar. Output goes to files (no pipe
 * can fill up and block the child); every run has a time limit after which the child is killed
 * and the test fails with what it printed.
 */
public final class ForkedJvm {

    private final Jdks.Jdk jdk;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> programArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String classpath;
    private String mainClass;
    private String jar;
    private String modulePath;
    private String mainModule;
    private Duration timeout = Duration.ofSeconds(60);

    private ForkedJvm(Jdks.Jdk jdk) {
        this.jdk = jdk;
    }

    public static ForkedJvm on(Jdks.Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    /** {@code -javaagent:sonde-agent.jar=<arguments>}; null arguments for none. */
    public ForkedJvm withAgent(String arguments) {
        String option = "-javaagent:" + TestPaths.agentJar();
        jvmOptions.add(arguments == null ? option : option + "=" + arguments);
        return this;
    }

    public ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ForkedJvm classpath(Path... entries) {
        this.classpath = List.of(entries).stream().map(Path::toString)
                .collect(Collectors.joining(System.getProperty("path.separator")));
        return this;
    }

    public ForkedJvm mainClass(Class<?> main, String... arguments) {
        this.mainClass = main.getName();
        programArguments.addAll(List.of(arguments));
        return this;
    }

    public ForkedJvm jar(Path executableJar, String... arguments) {
        this.jar = executableJar.toString();
        programArguments.addAll(List.of(arguments));
        return this;
    }

    /** Runs {@code mainModuleAndClass} ({@code module/class}) from {@code modulePath}, as {@code java -m} does. */
    public ForkedJvm module(Path modulePath, String mainModuleAndClass, String... arguments) {
        this.modulePath = modulePath.toString();
        this.mainModule = mainModuleAndClass;
        programArguments.addAll(List.of(arguments));
        return this;
    }

    public ForkedJvm timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Starts the JVM and returns at once; see {@link Running}. */
    public Running start(Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        if (jar != null) {
            command.add("-jar");
            command.add(jar);
        } else if (mainModule != null) {
            command.add("--module-path");
            command.add(modulePath);
            command.add("-m");
            command.add(mainModule);
        } else {
            command.add("-cp");
            command.add(classpath == null ? TestPaths.testClasses().toString() : classpath);
            command.add(mainClass);
        }
        command.addAll(programArguments);
        Path stdout = workDirectory.resolve("stdout.txt");
        Path stderr = workDirectory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new Running(builder.start(), command, stdout, stderr, timeout);
    }

    /** Starts the JVM and waits for it to exit by itself. */
    public Result run(Path workDirectory) throws IOException, InterruptedException {
        return start(workDirectory).awaitExit();
    }

    /** A JVM that is running. */
    public static final class Running {
        private final Process process;
        private final List<String> command;
        private final Path stdout;
        private final Path stderr;
        private final Duration timeout;

        Running(Process process, List<String> command, Path stdout, Path stderr, Duration timeout) {
            this.process = process;
            this.command = command;
            this.stdout = stdout;
            this.stderr = stderr;
            this.timeout = timeout;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public long pid() {
            return process.pid();
        }

        /** SIGTERM, as a service manager stops a service; then waits for the exit. */
        public Result terminate() throws IOException, InterruptedException {
            process.destroy();
            return awaitExit();
        }

        public Result awaitExit() throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("forked JVM did not exit within " + timeout + ": " + command
                        + "\n--- stdout\n" + read(stdout) + "\n--- stderr\n" + read(stderr));
            }
            return new Result(process.exitValue(), read(stdout), read(stderr), command);
        }

        public String stdoutSoFar() throws IOException {
            return read(stdout);
        }

        public String stderrSoFar() throws IOException {
            return read(stderr);
        }

        private static String read(Path file) throws IOException {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
    }

    /** How a forked JVM ended. */
    public static final class Result {
        private final int exitCode;
        private final String stdout;
        private final String stderr;
        private final List<String> command;

        Result(int exitCode, String stdout, String stderr, List<String> command) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.command = command;
        }

        public int exitCode() {
            return exitCode;
        }

        public String stdout() {
            return stdout;
        }

        public String stderr() {
            return stderr;
        }

        /** The lines sonde printed ({@code [sonde] ...}). */
        public List<String> sondeLines() {
            return stderr.lines().filter(line -> line.startsWith("[sonde]")).collect(Collectors.toList());
        }

        /** Everything printed, for assertion messages. */
        public String describe() {
            return "exit " + exitCode + " of " + command + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
