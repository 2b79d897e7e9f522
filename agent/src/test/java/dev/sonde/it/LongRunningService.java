package dev.sonde.it;

import com.acme.testapp.LongRunningApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A forked {@link LongRunningApp} and the files that steer it: bursts of calls, and stop. */
public final class LongRunningService implements AutoCloseable {

    private final SteeredJvm app;
    private int bursts;

    private LongRunningService(SteeredJvm app) {
        this.app = app;
    }

    /** Starts the app as configured in {@code jvm} (agent, JVM options) and waits until it runs. */
    public static LongRunningService start(ForkedJvm jvm, Path work) throws Exception {
        Path control = Files.createDirectories(work.resolve("control"));
        return new LongRunningService(SteeredJvm.start(jvm.mainClass(LongRunningApp.class, control.toString(), "90"),
                control, work));
    }

    public long pid() {
        return app.jvm.pid();
    }

    public boolean isAlive() {
        return app.jvm.isAlive();
    }

    /** Makes the app call each burst method exactly {@link LongRunningApp#BURST_CALLS} times, and waits for it. */
    public void burst() throws Exception {
        int n = ++bursts;
        Files.createFile(app.control.resolve("burst-" + n));
        Poll.until(Duration.ofSeconds(10), "burst " + n, () -> Files.exists(app.control.resolve("burst-" + n + ".done")),
                this::describe);
    }

    /** Asks the app to end, and waits for it to exit. */
    public ForkedJvm.Result stop() throws Exception {
        return app.stop();
    }

    public String stderr() throws Exception {
        return app.jvm.stderrSoFar();
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
