package dev.sonde.it;

import com.acme.testapp.LongRunningApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A forked {@link LongRunningApp} and the files that steer it: bursts of calls, and stop. */
public final class LongRunningService implements AutoCloseable {

    private final ForkedJvm.Running jvm;
    private final Path control;
    private int bursts;

    private LongRunningService(ForkedJvm.Running jvm, Path control) {
        this.jvm = jvm;
        this.control = control;
    }

    /** Starts the app as configured in {@code jvm} (agent, JVM options) and waits until it runs. */
    public static LongRunningService start(ForkedJvm jvm, Path work) throws Exception {
        Path control = Files.createDirectories(work.resolve("control"));
        ForkedJvm.Running running = jvm.mainClass(LongRunningApp.class, control.toString(), "90")
                .timeout(Duration.ofSeconds(30)).start(work);
        LongRunningService service = new LongRunningService(running, control);
        // Generous: with the agent, start-up is CPU-bound class loading, slow on a busy 2-core machine.
        Poll.until(Duration.ofSeconds(30), "the app to print 'ready'",
                () -> running.stdoutSoFar().contains("ready") || !running.isAlive(), service::describe);
        if (!running.isAlive()) {
            throw new AssertionError("the app ended at start\n" + service.describe());
        }
        return service;
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** Makes the app call each burst method exactly {@link LongRunningApp#BURST_CALLS} times, and waits for it. */
    public void burst() throws Exception {
        int n = ++bursts;
        Files.createFile(control.resolve("burst-" + n));
        Poll.until(Duration.ofSeconds(10), "burst " + n, () -> Files.exists(control.resolve("burst-" + n + ".done")),
                this::describe);
    }

    /** Asks the app to end, and waits for it to exit. */
    public ForkedJvm.Result stop() throws Exception {
        Files.createFile(control.resolve("stop"));
        return jvm.awaitExit();
    }

    public String stderr() throws Exception {
        return jvm.stderrSoFar();
    }

    public String describe() throws Exception {
        return "--- app stdout\n" + jvm.stdoutSoFar() + "\n--- app stderr\n" + jvm.stderrSoFar();
    }

    /** Ends the app if a test failed before stopping it. */
    @Override
    public void close() throws Exception {
        if (jvm.isAlive()) {
            if (!Files.exists(control.resolve("stop"))) {
                Files.createFile(control.resolve("stop"));
            }
            jvm.awaitExit();
        }
    }
}
