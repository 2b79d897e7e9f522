package dev.sonde.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A forked test app steered through files in a control directory: it prints "ready" once it runs,
 * and ends when a file named {@code stop} appears. What else the files mean is up to the app; the
 * services that start one ({@link LongRunningService}, {@link ReflectionViewService}) say it.
 */
final class SteeredJvm implements AutoCloseable {

    final ForkedJvm.Running jvm;
    final Path control;

    private SteeredJvm(ForkedJvm.Running jvm, Path control) {
        this.jvm = jvm;
        this.control = control;
    }

    /** Starts {@code app} (its main class given {@code control} already) and waits until it is ready. */
    static SteeredJvm start(ForkedJvm app, Path control, Path work) throws Exception {
        SteeredJvm steered = new SteeredJvm(app.timeout(Duration.ofSeconds(30)).start(work), control);
        // Generous: with the agent, start-up is CPU-bound class loading, slow on a busy 2-core machine.
        Poll.until(Duration.ofSeconds(30), "the app to print 'ready'",
                () -> steered.jvm.stdoutSoFar().contains("ready") || !steered.jvm.isAlive(), steered::describe);
        if (!steered.jvm.isAlive()) {
            throw new AssertionError("the app ended at start\n" + steered.describe());
        }
        return steered;
    }

    /** Asks the app to end, and waits for it to exit. */
    ForkedJvm.Result stop() throws Exception {
        Files.createFile(control.resolve("stop"));
        return jvm.awaitExit();
    }

    String describe() throws Exception {
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
