package dev.sonde.cli;

import dev.sonde.control.AgentControlMXBean;
import dev.sonde.control.AgentRequest;
import dev.sonde.control.PublishedProperties;
import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;

import javax.management.JMException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM {@code top} watches, over its local JMX connector. Where sonde does not run, it is
 * attached with the keys given and detached again by {@link #leave}; where it runs, {@code top}
 * only reads it: the configuration, totals and windows stay as they were, since every reading is a
 * cumulative report that changes nothing ({@link AgentControlMXBean#cumulativeReport}).
 */
final class TopTarget implements AutoCloseable {

    private final TargetJvm jvm;
    private final ControlConnection connection;
    private final boolean attachedByTop;
    private final ReportReader reader = new ReportReader();
    /** What {@link #leave} said, once it has left: a shutdown hook and the main thread may both ask. */
    private String left;

    private TopTarget(TargetJvm jvm, ControlConnection connection, boolean attachedByTop) {
        this.jvm = jvm;
        this.connection = connection;
        this.attachedByTop = attachedByTop;
    }

    /** Connects to the JVM, attaching sonde with {@code keys} if it does not run there. */
    static TopTarget open(String pidText, String keys, PrintStream err) throws UsageException, TargetException {
        TargetJvm jvm = TargetJvm.at(pidText);
        Properties properties = jvm.systemProperties();
        TargetJvm.checkJavaVersion(jvm.pid(), properties);
        boolean running = properties.getProperty(PublishedProperties.VERSION) != null;
        if (running && !keys.isEmpty()) {
            throw new TargetException("sonde already runs in JVM " + jvm.pid() + " and top changes nothing of it: leave"
                    + " out the keys (to change what it times: java -jar sonde-agent.jar attach " + jvm.pid() + " " + keys + ")");
        }
        if (!running) {
            AttachCommand.checkLocally(keys, err);
            jvm.start(keys, properties);
        }
        Optional<ControlConnection> connection = ControlConnection.open(jvm.pid());
        if (connection.isEmpty()) {
            if (!running) {
                jvm.send(AgentRequest.detach());
            }
            throw new TargetException("JVM " + jvm.pid() + " cannot be reached over its local JMX connector, which top"
                    + " reads sonde's figures from; use dump instead");
        }
        return new TopTarget(jvm, connection.get(), !running);
    }

    long pid() {
        return jvm.pid();
    }

    /** Sonde's cumulative report and the JVM's figures, now. */
    TopSample sample() throws TargetException {
        // Bounded like every question to a JVM: one that stopped answering ends top with one line.
        String json = connection.call("the snapshot request", JvmAnswer.CONTACT, AgentControlMXBean::cumulativeReport);
        JvmFigures figures = JvmAnswer.answerWithin(JvmAnswer.CONTACT, pid(), "the JVM figures request",
                this::readJvmFigures);
        try {
            ReportFile report = reader.readText(json, Paths.get("JVM " + pid()));
            return new TopSample(report.report(), figures);
        } catch (UnreadableReportException e) {
            throw new TargetException(e.getMessage());
        }
    }

    private JvmFigures readJvmFigures() throws TargetException {
        try {
            return JvmFigures.read(connection.server());
        } catch (IOException | JMException | RuntimeException e) {
            throw new TargetException("lost the JMX connection to JVM " + pid() + " (did it exit?): "
                    + ControlConnection.rootCause(e));
        }
    }

    boolean isAlive() {
        return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the JVM has exited, or does within {@code limit}: one that is shutting down closes its
     * JMX connector (failing the reading) some time before its process is gone.
     */
    boolean exitsWithin(Duration limit) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid());
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.get().isAlive();
        }
    }

    /**
     * Detaches sonde if {@code top} attached it; returns the line that says what became of sonde.
     * A JVM that has exited needs nothing. Only the first call acts; later ones repeat its line.
     */
    synchronized String leave() throws TargetException {
        if (left == null) {
            left = leaveOnce();
        }
        return left;
    }

    private String leaveOnce() throws TargetException {
        if (!isAlive()) {
            return "JVM " + pid() + " has exited";
        }
        if (!attachedByTop) {
            return "sonde goes on in JVM " + pid() + " as it was";
        }
        return "detached sonde from JVM " + pid() + " (top had attached it): "
                + jvm.control(AgentControlMXBean::detach, AgentRequest.detach());
    }

    @Override
    public void close() {
        connection.close();
    }
}
