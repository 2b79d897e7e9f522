package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.ConfigException;
import dev.sonde.config.DurationText;
import dev.sonde.config.MethodPattern;
import dev.sonde.config.ProfilingConfig;
import dev.sonde.config.SlowCallRule;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import dev.sonde.profile.ProfileEvent;
import dev.sonde.profile.ProfileFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link AgentControlMXBean}: sonde's state, on-demand dumps and resets over JMX. Reads the
 * {@link RunningAgent} live, so a reconfiguring {@code attach} shows at once.
 *
 * <p>Registration and unregistration are serialized on this object; a {@link #unregister} that comes
 * before the registration cancels it.
 */
final class AgentControl implements AgentControlMXBean {

    /**
     * Started with the JVM, sonde never creates the platform MBean server itself: creating it decides
     * the JVM's {@code java.util.logging} LogManager and its MBean server builder, and application
     * servers (WildFly, WebLogic) set both up themselves, some seconds into their start. sonde looks
     * this often for an MBean server that someone else created, the application or the JVM's local
     * JMX agent that sonde's command line starts, and registers into the platform one then.
     */
    private static final long SERVER_LOOK_MILLIS = 200;

    private final RunningAgent agent;
    private Thread registration;
    private boolean registered;
    private boolean closed;

    AgentControl(RunningAgent agent) {
        this.agent = agent;
    }

    /**
     * Registers on a daemon thread: once an MBean server exists when sonde starts with the JVM, at
     * once when it is attached to a running one (whose start is over).
     */
    synchronized void registerLater(boolean atStartup) {
        registration = new Thread(() -> {
            try {
                while (atStartup && MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                    Thread.sleep(SERVER_LOOK_MILLIS);
                }
                register();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                Log.error("JMX MBean " + OBJECT_NAME + " not registered; everything else works", t);
            }
        }, "sonde-jmx-registration");
        registration.setDaemon(true);
        registration.setUncaughtExceptionHandler(Log::threadDied);
        registration.start();
    }

    private synchronized void register() throws Exception {
        if (!closed) {
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(OBJECT_NAME));
            registered = true;
            Log.debug("JMX MBean " + OBJECT_NAME + " registered");
        }
    }

    /** At detach: the MBean goes away (or is never registered). */
    synchronized void unregister() {
        closed = true;
        if (registration != null) {
            registration.interrupt();
        }
        if (registered) {
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                server.unregisterMBean(new ObjectName(OBJECT_NAME));
            } catch (Exception e) {
                Log.error("JMX MBean " + OBJECT_NAME + " could not be unregistered", e);
            }
            registered = false;
        }
    }

    @Override
    public String getVersion() {
        return AgentVersion.current();
    }

    @Override
    public List<String> getIncludes() {
        return texts(agent.config().includes());
    }

    @Override
    public List<String> getExcludes() {
        return texts(agent.config().excludes());
    }

    @Override
    public String getOutputDirectory() {
        return agent.config().out().toString();
    }

    @Override
    public String getInterval() {
        return DurationText.format(agent.config().interval());
    }

    @Override
    public int getKeep() {
        return agent.config().keep();
    }

    @Override
    public long getIntervalReportsWritten() {
        return agent.intervalWindowsWritten();
    }

    @Override
    public String getRecordingStart() {
        return agent.recordingStart().toString();
    }

    @Override
    public String getWindowStart() {
        return agent.windowStart().toString();
    }

    @Override
    public int getOperationCount() {
        return agent.registry().size();
    }

    @Override
    public long getDroppedOperations() {
        return agent.registry().droppedCount();
    }

    @Override
    public int getThreadsWithBuffers() {
        return agent.recorder().threadsWithBuffers();
    }

    /** JMX clients may not have sonde's classes: a failure crosses the wire as a plain message. */
    @Override
    public String dump() {
        return dumpTo("", false);
    }

    @Override
    public void reset() {
        agent.reset();
    }

    @Override
    public String dumpTo(String file, boolean reset) {
        Path out = file == null || file.isEmpty() ? null : Paths.get(file);
        return unwrap(agent.apply(AgentRequest.dump(out, reset).encode()));
    }

    @Override
    public String cumulativeReport() {
        return agent.cumulativeReport();
    }

    @Override
    public String reconfigure(String arguments) {
        return unwrap(agent.apply(AgentRequest.start(arguments).encode()));
    }

    @Override
    public String profile(String event, long seconds, String format, String file) {
        return profileSlowCalls(event, seconds, format, file, "");
    }

    @Override
    public String profileSlowCalls(String event, long seconds, String format, String file, String slowCalls) {
        ProfileEvent profileEvent = ProfileEvent.named(event)
                .orElseThrow(() -> new IllegalArgumentException("unknown event '" + event + "': "
                        + ProfilingConfig.choices(ProfilingConfig.EVENTS)));
        ProfileFormat profileFormat = ProfileFormat.named(format)
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + format + "': "
                        + ProfilingConfig.choices(ProfilingConfig.FORMATS)));
        if (seconds <= 0) {
            throw new IllegalArgumentException("the duration must be at least one second");
        }
        List<SlowCallRule> rules;
        try {
            rules = SlowCallRule.parseAll(slowCalls == null ? List.of() : List.of(slowCalls));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Path target = file == null || file.isEmpty() ? null : Paths.get(file);
        return unwrap(agent.profile(profileEvent, profileFormat, target, Duration.ofSeconds(seconds), rules));
    }

    @Override
    public String detach() {
        return unwrap(agent.apply(AgentRequest.detach().encode()));
    }

    /** The message of an ok reply; an error reply becomes the exception JMX clients see. */
    private static String unwrap(String reply) {
        if (!ControlReply.isOk(reply)) {
            throw new IllegalStateException(ControlReply.message(reply));
        }
        return ControlReply.message(reply);
    }

    static List<String> texts(List<MethodPattern> patterns) {
        return patterns.stream().map(MethodPattern::toString).collect(Collectors.toList());
    }
}
