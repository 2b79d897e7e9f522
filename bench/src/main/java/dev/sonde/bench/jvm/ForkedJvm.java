package dev.sonde.bench.jvm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A java command line to run in a new process, with its output (stdout and stderr together) sent
 * to a log file. {@link #run} waits with a time limit and kills the process past it; {@link #start}
 * leaves the process to the caller, who ends it ({@link ExternalCommand#stop}).
 */
public final class ForkedJvm {

    private final Jdk jdk;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private String classpath;
    private String main;
    private String jar;

    private ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
    }

    public static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    public ForkedJvm jvmArgs(List<String> args) {
        jvmArgs.addAll(args);
        return this;
    }

    public ForkedJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public ForkedJvm main(String classpath, String main) {
        this.classpath = classpath;
        this.main = main;
        return this;
    }

    public ForkedJvm jar(Path jar) {
        this.jar = jar.toString();
        return this;
    }

    public ForkedJvm args(List<String> args) {
        programArgs.addAll(args);
        return this;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmArgs);
        if (jar != null) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(main);
        }
        command.addAll(programArgs);
        return command;
    }

    /** Starts the process; its output goes to {@code log} (replaced). */
    public Process start(Path log) throws IOException {
        return ExternalCommand.start(command(), log);
    }

    /**
     * Runs the process to its end and returns its output lines; fails if it exits non-zero or
     * outlives {@code limit} (then it is killed).
     */
    public List<String> run(Path log, Duration limit) throws IOException, InterruptedException {
        return ExternalCommand.run(command(), log, limit);
    }
}
