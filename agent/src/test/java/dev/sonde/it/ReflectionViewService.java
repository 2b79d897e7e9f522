package dev.sonde.it;

import com.acme.reflection.ReflectionViewApp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A forked {@link ReflectionViewApp} and the command files that steer it: bursts of calls, views, stop. */
public final class ReflectionViewService implements AutoCloseable {

    private final SteeredJvm app;
    private int commands;

    private ReflectionViewService(SteeredJvm app) {
        this.app = app;
    }

    /** Starts the app on the corpus in {@code corpus} (a class directory) and waits until it has loaded it. */
    public static ReflectionViewService start(Jdks.Jdk jdk, Path corpus, Path work) throws Exception {
        return start(ForkedJvm.on(jdk), corpus, work);
    }

    /** The same, with sonde started by {@code -javaagent} with {@code agentArguments}. */
    public static ReflectionViewService startWithAgent(Jdks.Jdk jdk, Path corpus, Path work, String agentArguments)
            throws Exception {
        return start(ForkedJvm.on(jdk).withAgent(agentArguments), corpus, work);
    }

    /** The same, with another agent started by {@code -javaagent:<jar>=<arguments>} (and no sonde). */
    public static ReflectionViewService startBeside(Jdks.Jdk jdk, Path corpus, Path work, Path otherAgent,
                                                    String arguments) throws Exception {
        return start(ForkedJvm.on(jdk).jvmOption("-javaagent:" + otherAgent + "=" + arguments), corpus, work);
    }

    private static ReflectionViewService start(ForkedJvm jvm, Path corpus, Path work) throws Exception {
        Path control = Files.createDirectories(work.resolve("control"));
        jvm.classpath(TestPaths.testClasses(), corpus)
                .mainClass(ReflectionViewApp.class, corpus.toString(), control.toString(), "90");
        return new ReflectionViewService(SteeredJvm.start(jvm, control, work));
    }

    public long pid() {
        return app.jvm.pid();
    }

    /** Every corpus {@code Exercise} called {@link ReflectionViewApp#BURST_CALLS} times; returns when done. */
    public void burst() throws Exception {
        command("burst");
    }

    /** The reflection view of every corpus class, as the app sees it now. */
    public List<String> view(String name) throws Exception {
        command("view " + name);
        return Files.readAllLines(app.control.resolve(name + ".view.txt"), StandardCharsets.UTF_8);
    }

    private void command(String text) throws Exception {
        int n = ++commands;
        Path command = app.control.resolve("command-" + n);
        // Written aside and moved, so the app never reads an empty command.
        Files.writeString(app.control.resolve("command-" + n + ".partial"), text);
        Files.move(app.control.resolve("command-" + n + ".partial"), command);
        Poll.until(Duration.ofSeconds(20), "'" + text + "' (command " + n + ")",
                () -> Files.exists(app.control.resolve("command-" + n + ".done")) || !app.jvm.isAlive(), this::describe);
        if (!app.jvm.isAlive()) {
            throw new AssertionError("the app ended during '" + text + "'\n" + describe());
        }
    }

    /** Asks the app to end, and waits for it to exit. */
    public ForkedJvm.Result stop() throws Exception {
        return app.stop();
    }

    public String describe() throws Exception {
        return app.describe();
    }

    /** Ends the app if a test failed before stopping it. */
    @Override
    public void close() throws Exception {
        app.close();
    }
}
