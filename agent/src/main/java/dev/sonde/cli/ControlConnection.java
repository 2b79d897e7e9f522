package dev.sonde.cli;

import dev.sonde.bootstrap.Log;
import dev.sonde.control.AgentControlMXBean;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The running sonde's MBean ({@value AgentControlMXBean#OBJECT_NAME}) in a target JVM, reached over
 * the JVM's local JMX connector: how {@code dump}, {@code detach} and a reconfiguring {@code attach}
 * talk to a sonde that runs already.
 *
 * <p>Why JMX and not the agent jar loaded once more with a command: from Java 21 on, every agent
 * loaded into a running JVM prints a four-line warning into the service's output (unless it was
 * started with {@code -XX:+EnableDynamicAgentLoading}), and a JVM started with
 * {@code -XX:-EnableDynamicAgentLoading} (the announced future default) refuses such agents
 * altogether, even when sonde came with {@code -javaagent}. The price is the JVM's local JMX
 * connector, started on first use if nothing started it before (jconsole, {@code jcmd
 * ManagementAgent.start_local}): it accepts connections from this machine only, and stays until the
 * JVM exits. Where it cannot start (a runtime without {@code jdk.management.agent}), {@link #open}
 * is empty and the commands load the agent jar instead ({@link TargetJvm#send}).
 */
final class ControlConnection implements AutoCloseable {

    /**
     * Started with the JVM, sonde registers its MBean once an MBean server exists: perhaps only
     * when this connection's request started the JVM's local JMX agent (within 0.2 s), or a command
     * may come before sonde has instrumented what is loaded.
     */
    private static final long REGISTRATION_WAIT_MILLIS = 5_000;

    /** Closing is a courtesy to the JVM; an answer the command has already is not held back for it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final long pid;
    private final JMXConnector connector;
    private final AgentControlMXBean control;

    private ControlConnection(long pid, JMXConnector connector, AgentControlMXBean control) {
        this.pid = pid;
        this.connector = connector;
        this.control = control;
    }

    /**
     * The MBean of the sonde running in JVM {@code pid}; empty if JMX cannot reach it. A JVM that does
     * not answer at all within {@link JvmAnswer#CONTACT} (and the registration wait) is a
     * {@link TargetException}: loading the agent jar instead would wait for it just the same.
     */
    static Optional<ControlConnection> open(long pid) throws TargetException {
        Duration bound = JvmAnswer.CONTACT.plusMillis(REGISTRATION_WAIT_MILLIS);
        return JvmAnswer.answerWithin(bound, pid, "the JMX connection request", () -> connect(pid));
    }

    private static Optional<ControlConnection> connect(long pid) {
        JMXConnector connector = null;
        try {
            String address = LocalJvms.localConnectorAddress(pid);
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(AgentControlMXBean.OBJECT_NAME);
            long deadline = System.nanoTime() + REGISTRATION_WAIT_MILLIS * 1_000_000;
            while (!server.isRegistered(name)) {
                if (System.nanoTime() > deadline) {
                    connector.close();
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
            return Optional.of(new ControlConnection(pid, connector, JMX.newMXBeanProxy(server, name, AgentControlMXBean.class)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // No JMX in that JVM: the caller falls back to the attach API.
        }
        closeQuietly(connector);
        return Optional.empty();
    }

    /**
     * Runs one operation and waits at most {@code bound} for it ({@code question} names it if no answer
     * comes); its failure (a one-line message from sonde, or a lost connection) becomes a
     * {@link TargetException}.
     */
    String call(String question, Duration bound, Function<AgentControlMXBean, String> operation) throws TargetException {
        return JvmAnswer.answerWithin(bound, pid, question, () -> call(operation));
    }

    private String call(Function<AgentControlMXBean, String> operation) throws TargetException {
        try {
            return operation.apply(control);
        } catch (IllegalStateException e) {
            throw new TargetException(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            throw new TargetException("lost the JMX connection to JVM " + pid + " (did it exit?): " + rootCause(e));
        }
    }

    /** The JVM's MBean server, for its platform MXBeans (what {@code top} shows of the JVM itself). */
    MBeanServerConnection server() throws IOException {
        return connector.getMBeanServerConnection();
    }

    /** The innermost cause, on one line: RMI nests a line break and a tab into its messages. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Log.describe(root).replaceAll("\\s+", " ").trim();
    }

    /** Closing tells the JVM too, and a JVM that stopped answering would hold the command here as well. */
    @Override
    public void close() {
        try {
            JvmAnswer.ask(pid, "the JMX close request", () -> {
                closeQuietly(connector);
                return pid;
            }).within(CLOSE_WAIT);
        } catch (TargetException e) {
            // Nothing to do about a connection that cannot be closed: it goes with this command.
        }
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException | RuntimeException e) {
                // Closing a connection to a JVM that went away: nothing to do.
            }
        }
    }
}
