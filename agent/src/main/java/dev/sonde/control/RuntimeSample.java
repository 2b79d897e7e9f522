package dev.sonde.control;

import dev.sonde.report.Report;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The JVM's own figures at one moment. Two samples give a report's {@code runtime} section for the
 * window between them: CPU and GC as differences, memory, threads and classes as at the end.
 * Reads only the platform MXBeans (no JMX connection); a few microseconds. Immutable.
 */
public final class RuntimeSample {

    private final long wallNanos;
    private final long processCpuNanos;
    private final long gcCount;
    private final long gcMillis;

    private RuntimeSample(long wallNanos, long processCpuNanos, long gcCount, long gcMillis) {
        this.wallNanos = wallNanos;
        this.processCpuNanos = processCpuNanos;
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
    }

    static RuntimeSample take() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (isPauses(collector.getName())) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
        }
        return new RuntimeSample(System.nanoTime(), processCpuNanos(), count, millis);
    }

    /**
     * The {@code runtime} section for the window from {@code start} to this sample; memory, threads
     * and classes are read now, so take this sample at the window's end.
     */
    Report.Runtime since(RuntimeSample start) {
        Report.Runtime runtime = new Report.Runtime();
        long wall = wallNanos - start.wallNanos;
        int cores = Runtime.getRuntime().availableProcessors();
        if (processCpuNanos >= 0 && start.processCpuNanos >= 0 && wall > 0) {
            double percent = 100.0 * (processCpuNanos - start.processCpuNanos) / wall / cores;
            runtime.cpuPercent = Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10.0;
        }
        runtime.heapUsedAfterGcBytes = heapUsedAfterGc();
        runtime.heapCommittedBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        runtime.gcCount = gcCount - start.gcCount;
        runtime.gcPauseNs = (gcMillis - start.gcMillis) * 1_000_000L;
        runtime.threads = ManagementFactory.getThreadMXBean().getThreadCount();
        runtime.classesLoaded = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        return runtime;
    }

    /**
     * Collectors whose time is pause time. G1's {@code G1 Concurrent GC} (JDK 21+) and ZGC's and
     * Shenandoah's {@code ... Cycles} beans count concurrent cycles, which run beside the
     * application; their pauses have beans of their own ({@code ZGC Pauses}, {@code Shenandoah Pauses}).
     */
    public static boolean isPauses(String collectorName) {
        String name = collectorName.toLowerCase(Locale.ROOT);
        return !name.contains("concurrent") && !name.contains("cycles");
    }

    private static long heapUsedAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    used += afterGc.getUsed();
                }
            }
        }
        return used;
    }

    /**
     * Negative where the JVM does not offer {@code com.sun.management.OperatingSystemMXBean} (another
     * vendor's JVM, or a runtime built without the {@code jdk.management} module).
     */
    private static long processCpuNanos() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean) {
                return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            }
        } catch (LinkageError | RuntimeException e) {
            // reported as "not known"
        }
        return -1;
    }
}
