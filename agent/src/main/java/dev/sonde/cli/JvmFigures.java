package dev.sonde.cli;

import dev.sonde.control.RuntimeSample;
import dev.sonde.report.view.HumanUnits;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.util.List;

/**
 * A target JVM's own figures at one moment, read from its platform MXBeans over the JMX connection
 * {@code top} already has: nothing is loaded into the JVM for them. Two readings give the header
 * of a {@code top} frame: CPU and GC time as differences, the rest as at the later one.
 */
final class JvmFigures {

    private final long readAtNanos;
    private final long uptimeMillis;
    /** Negative where the JVM does not tell. */
    private final long processCpuNanos;
    private final int cores;
    private final long heapUsedAfterGcBytes;
    private final long gcPauseMillis;
    private final int threads;

    private JvmFigures(long readAtNanos, long uptimeMillis, long processCpuNanos, int cores, long heapUsedAfterGcBytes,
                       long gcPauseMillis, int threads) {
        this.readAtNanos = readAtNanos;
        this.uptimeMillis = uptimeMillis;
        this.processCpuNanos = processCpuNanos;
        this.cores = cores;
        this.heapUsedAfterGcBytes = heapUsedAfterGcBytes;
        this.gcPauseMillis = gcPauseMillis;
        this.threads = threads;
    }

    static JvmFigures read(MBeanServerConnection jvm) throws IOException, JMException {
        ObjectName os = new ObjectName("java.lang:type=OperatingSystem");
        return new JvmFigures(System.nanoTime(),
                (Long) jvm.getAttribute(new ObjectName("java.lang:type=Runtime"), "Uptime"),
                processCpuNanos(jvm, os),
                (Integer) jvm.getAttribute(os, "AvailableProcessors"),
                heapUsedAfterGc(jvm),
                gcPauseMillis(jvm),
                (Integer) jvm.getAttribute(new ObjectName("java.lang:type=Threading"), "ThreadCount"));
    }

    /** {@code ProcessCpuTime} is HotSpot's ({@code com.sun.management}); other JVMs may not have it. */
    private static long processCpuNanos(MBeanServerConnection jvm, ObjectName os) throws IOException {
        try {
            return (Long) jvm.getAttribute(os, "ProcessCpuTime");
        } catch (JMException | ClassCastException e) {
            return -1;
        }
    }

    private static long heapUsedAfterGc(MBeanServerConnection jvm) throws IOException, JMException {
        long used = 0;
        for (ObjectName pool : jvm.queryNames(new ObjectName("java.lang:type=MemoryPool,*"), null)) {
            Object afterGc = jvm.getAttribute(pool, "CollectionUsage");
            if ("HEAP".equals(String.valueOf(jvm.getAttribute(pool, "Type"))) && afterGc instanceof CompositeData) {
                used += (Long) ((CompositeData) afterGc).get("used");
            }
        }
        return used;
    }

    /** Stop-the-world collection time, as reports count it ({@link RuntimeSample#isPauses}). */
    private static long gcPauseMillis(MBeanServerConnection jvm) throws IOException, JMException {
        long millis = 0;
        for (ObjectName collector : jvm.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
            if (RuntimeSample.isPauses(collector.getKeyProperty("name"))) {
                millis += Math.max(0, (Long) jvm.getAttribute(collector, "CollectionTime"));
            }
        }
        return millis;
    }

    /**
     * The header lines for the window from {@code earlier} to this reading:
     * {@code JVM 4242 · com.acme.App · up 3m 12s} and {@code CPU 12.5% · heap after GC 45.0 MiB · GC 12 ms · 38 threads}.
     */
    List<String> describeSince(JvmFigures earlier, long pid, String mainClass) {
        String first = "sonde top · JVM " + pid + (mainClass == null ? "" : " · " + mainClass) + " · up " + uptime();
        String second = "CPU " + cpuPercentSince(earlier) + " · heap after GC " + HumanUnits.bytes(heapUsedAfterGcBytes)
                + " · GC " + HumanUnits.duration((gcPauseMillis - earlier.gcPauseMillis) * 1_000_000L)
                + " · " + threads + " threads";
        return List.of(first, second);
    }

    private String cpuPercentSince(JvmFigures earlier) {
        long wall = readAtNanos - earlier.readAtNanos;
        if (processCpuNanos < 0 || earlier.processCpuNanos < 0 || wall <= 0 || cores <= 0) {
            return "?";
        }
        double percent = 100.0 * (processCpuNanos - earlier.processCpuNanos) / wall / cores;
        return HumanUnits.percent(Math.max(0, Math.min(100, percent)));
    }

    private String uptime() {
        long seconds = uptimeMillis / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h " + String.format("%02dm", seconds / 60 % 60);
    }
}
