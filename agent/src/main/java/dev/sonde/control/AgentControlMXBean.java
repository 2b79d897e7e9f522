package dev.sonde.control;

import java.util.List;

/**
 * sonde's management interface, registered as {@value #OBJECT_NAME} on the platform MBean server
 * (jconsole, VisualVM, jmxterm...) while sonde runs; unregistered at {@code detach}. The command
 * line's {@code dump}, {@code detach} and reconfiguring {@code attach} use it too. Operations that
 * fail throw an {@link IllegalStateException} whose message is one line for the user.
 */
public interface AgentControlMXBean {

    String OBJECT_NAME = "dev.sonde:type=Agent";

    String getVersion();

    List<String> getIncludes();

    List<String> getExcludes();

    /** Directory the reports are written to. */
    String getOutputDirectory();

    /** Interval report length ({@code 60s}, {@code 10m}), or {@code off}. */
    String getInterval();

    /** How many interval reports are kept. */
    int getKeep();

    /** Interval reports written in the current series. */
    long getIntervalReportsWritten();

    /** When recording began (ISO-8601 UTC). */
    String getRecordingStart();

    /** Where the window of the next on-demand or final report starts: recording start or the last reset. */
    String getWindowStart();

    /** Operations with an id (instrumented methods, plus {@code (other)} once the cap is reached). */
    int getOperationCount();

    /** Names turned away by {@code max.operations}. */
    long getDroppedOperations();

    /** Platform threads currently holding call buffers (ended threads are folded every second). */
    int getThreadsWithBuffers();

    /** Writes a report of the current window ({@code trigger: on-demand}); returns its path. */
    String dump();

    /** Starts a new window for on-demand and final reports; interval reports are not affected. */
    void reset();

    /**
     * Writes a report of the current window to {@code file} (empty: a new file in the output
     * directory) and, if {@code reset}, starts a new window; returns the report's path.
     */
    String dumpTo(String file, boolean reset);

    /**
     * Everything recorded since sonde started, as the JSON text of a report ({@code sonde-report/1},
     * {@code trigger: snapshot}). Writes no file and starts no window: {@code top} subtracts two of
     * these to show the last few seconds, and dumps, interval and final reports see nothing of it.
     */
    String cumulativeReport();

    /**
     * Applies agent arguments ({@code include=...,out=...}) over the running ones: the keys given
     * replace theirs, the others stay. Returns what sonde now times.
     */
    String reconfigure(String arguments);

    /**
     * Profiles with async-profiler for {@code seconds} and writes a flame graph; blocks meanwhile.
     *
     * @param event  cpu, wall, alloc, lock or itimer
     * @param format html, collapsed or jfr
     * @param file   where to write it (empty: a new file in the output directory)
     * @return the file written
     */
    String profile(String event, long seconds, String format, String file);

    /**
     * As {@link #profile}, and writes the slow, normal and diff flame graphs of the operations that
     * {@code slowCalls} names ({@code <operation>><threshold>}, several separated by {@code ;});
     * empty: those of {@code profile.slow}.
     *
     * @return the profile's file, then one line per slice graph
     */
    String profileSlowCalls(String event, long seconds, String format, String file, String slowCalls);

    /** Removes the instrumentation, writes the final report and stops sonde; returns where the report is. */
    String detach();
}
