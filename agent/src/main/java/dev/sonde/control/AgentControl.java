package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.config.MethodPattern;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.ThreadLocalRecorder;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The {@link AgentControlMXBean}: sonde's state and on-demand dumps over JMX. */
final class AgentControl implements AgentControlMXBean {

    static final String OBJECT_NAME = "dev.sonde:type=Agent";

    /**
     * Registration waits this long after start: creating the platform MBean server inside premain
     * would pre-empt applications (application servers) that install their own MBean server builder.
     */
    private static final long REGISTRATION_DELAY_MILLIS = 1_000;

    private final Config config;
    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private final ReportDump dump;

    AgentControl(Config config, OperationRegistry registry, ThreadLocalRecorder recorder, ReportDump dump) {
        this.config = config;
        this.registry = registry;
        this.recorder = recorder;
        this.dump = dump;
    }

    /** Registers on a daemon thread after {@link #REGISTRATION_DELAY_MILLIS}. */
    void registerLater() {
        Thread registration = new Thread(() -> {
            try {
                Thread.sleep(REGISTRATION_DELAY_MILLIS);
                ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(OBJECT_NAME));
                Log.debug("JMX MBean " + OBJECT_NAME + " registered");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                Log.error("JMX MBean " + OBJECT_NAME + " not registered; everything else works", t);
            }
        }, "sonde-jmx-registration");
        registration.setDaemon(true);
        registration.start();
    }

    @Override
    public String getVersion() {
        return AgentVersion.current();
    }

    @Override
    public List<String> getIncludes() {
        return texts(config.includes());
    }

    @Override
    public List<String> getExcludes() {
        return texts(config.excludes());
    }

    @Override
    public String getOutputDirectory() {
        return config.out().toString();
    }

    @Override
    public int getOperationCount() {
        return registry.size();
    }

    @Override
    public long getDroppedOperations() {
        return registry.droppedCount();
    }

    @Override
    public int getThreadsWithBuffers() {
        return recorder.threadsWithBuffers();
    }

    @Override
    public String dump() {
        Path file = config.out().resolve(ReportFileNames.onDemand(ProcessHandle.current().pid(), Instant.now()));
        try {
            return dump.write("on-demand", file).toString();
        } catch (Exception e) {
            // JMX clients may not have sonde's classes: only a plain message crosses the wire.
            throw new IllegalStateException("could not write " + file + ": " + Log.describe(e));
        }
    }

    static List<String> texts(List<MethodPattern> patterns) {
        return patterns.stream().map(MethodPattern::toString).collect(Collectors.toList());
    }
}
