package dev.sonde.control;

import java.util.List;

/**
 * sonde's management interface, registered as {@value AgentControl#OBJECT_NAME} on the platform MBean
 * server (jconsole, VisualVM, jmxterm...).
 */
public interface AgentControlMXBean {

    String getVersion();

    List<String> getIncludes();

    List<String> getExcludes();

    /** Directory the reports are written to. */
    String getOutputDirectory();

    /** Operations with an id (instrumented methods, plus {@code (other)} once the cap is reached). */
    int getOperationCount();

    /** Names turned away by {@code max.operations}. */
    long getDroppedOperations();

    /** Platform threads currently holding call buffers (ended threads are folded every second). */
    int getThreadsWithBuffers();

    /** Writes a report of everything recorded so far ({@code trigger: on-demand}); returns its path. */
    String dump();
}
