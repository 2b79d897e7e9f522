package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.remote.JMXConnector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once a route is known, sonde allocates nothing for its requests: the sample shop's
 * {@code GET /api/ping} (Spring MVC on Tomcat, a constant answer) allocates as many bytes per request
 * on the server's threads with sonde (its methods timed, HTTP on) as without it. The bytes are the
 * JVM's per-thread allocation counters of Tomcat's {@code http-nio} threads, read over JMX around
 * warmed requests.
 *
 * <p>Both JVMs run without escape analysis: with it, which of the application's objects the JIT
 * removes differs from one run to the next by hundreds of bytes per request, with or without sonde,
 * which would hide what sonde itself allocates. Without it, a request allocates what its code says,
 * the same to within a few bytes per request from run to run (Tomcat's reconnections fall
 * differently into the measured requests); sonde before this test existed added about 170 bytes per
 * request (an operation name, a thread-local entry, two request attributes).
 */
class RequestAllocationIT {

    private static final String PING = "/api/ping";
    private static final int WARM_UP_REQUESTS = 4000;
    private static final int MEASURED_REQUESTS = 2000;
    private static final int ROUNDS = 4;
    /** Above the run-to-run noise, below the least that one more object per request (a name: 56 bytes) adds. */
    private static final double TOLERANCE_BYTES = 40;
    private static final String NO_ESCAPE_ANALYSIS = "-XX:-DoEscapeAnalysis";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aRequestOfAWarmedRouteAllocatesNoMoreWithSondeThanWithout(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("request-allocation-" + jdk.major());
        Path out = work.resolve("out");
        double without = bytesPerRequest(ForkedJvm.on(jdk).jvmOption(NO_ESCAPE_ANALYSIS), work.resolve("without"));
        double with = bytesPerRequest(ForkedJvm.on(jdk).jvmOption(NO_ESCAPE_ANALYSIS)
                .withAgent("include=com.example.shop.**,out=" + out), work.resolve("with"));

        assertThat(with - without).as("bytes per %s request: %.1f with sonde, %.1f without", PING, with, without)
                .isLessThan(TOLERANCE_BYTES);
        assertThat(ReportFile.onlyIn(out).counts().get("GET " + PING)).as("sonde timed every request")
                .isGreaterThanOrEqualTo(WARM_UP_REQUESTS + (long) ROUNDS * MEASURED_REQUESTS);
    }

    /** The least of a few rounds of warmed requests: a round that met a timer or more reconnections weighs nothing. */
    private static double bytesPerRequest(ForkedJvm jvm, Path work) throws Exception {
        try (SpringBootApp shop = SpringBootApp.sampleShop(jvm, work)) {
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                assertThat(shop.http().get(PING)).isEqualTo(200);
            }
            try (JMXConnector connector = LocalJmx.connect(shop.pid())) {
                com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
                        connector.getMBeanServerConnection(), ManagementFactory.THREAD_MXBEAN_NAME,
                        com.sun.management.ThreadMXBean.class);
                long[] server = serverThreads(threads);
                double least = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long before = sum(threads.getThreadAllocatedBytes(server));
                    for (int i = 0; i < MEASURED_REQUESTS; i++) {
                        assertThat(shop.http().get(PING)).isEqualTo(200);
                    }
                    long after = sum(threads.getThreadAllocatedBytes(server));
                    least = Math.min(least, (after - before) / (double) MEASURED_REQUESTS);
                }
                return least;
            }
        }
    }

    /** Tomcat's connector threads (acceptor, poller, workers), which handle every request. */
    private static long[] serverThreads(com.sun.management.ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("http-nio-"))
                .mapToLong(ThreadInfo::getThreadId).toArray();
    }

    /** Threads that ended in between read as -1: none should, a pool at rest keeps its threads. */
    private static long sum(long[] allocated) {
        return Arrays.stream(allocated).map(bytes -> Math.max(0, bytes)).sum();
    }
}
