package dev.sonde.it;

import com.acme.testapp.metrics.MetricsApp;

import java.nio.file.Path;
import java.time.Duration;

/** {@link MetricsApp} forked under sonde for the export tests: it stays up until {@code work/stop} exists. */
final class MetricsAppRun {

    /** The timed methods' class, as an include names them: append a method name or {@code *}. */
    static final String LATENCIES = "com.acme.testapp.metrics.MetricsApp$Latencies#";

    private MetricsAppRun() {
    }

    /** @param exportOptions sonde's arguments besides the include and {@code out} (the export's keys) */
    static ForkedJvm.Running start(Jdks.Jdk jdk, Path work, String exportOptions, Duration timeout) throws Exception {
        return ForkedJvm.on(jdk)
                .withAgent("include=" + LATENCIES + "*," + exportOptions + ",out=" + work.resolve("out"))
                .classpath(TestPaths.testClasses())
                .mainClass(MetricsApp.class, work.resolve("stop").toString())
                .timeout(timeout)
                .start(work);
    }
}
