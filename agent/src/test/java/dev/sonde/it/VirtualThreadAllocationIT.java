package dev.sonde.it;

import com.acme.vthreads.VirtualThreadApp;
import com.acme.vthreads.Work;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allocation per call when a call parks and resumes on another carrier (virtual threads, JDK 21+,
 * so on the newest JDK only): the JVM's per-thread counter does not follow a virtual thread across
 * carriers, so such calls are counted as "allocation unavailable", never given a wrong number;
 * the same work on platform threads keeps its true allocation.
 */
class VirtualThreadAllocationIT {

    @Test
    void callsOnVirtualThreadsThatMoveCarriersHaveAllocationUnavailableAndPlatformCallsKeepTheirs() throws Exception {
        Jdks.Jdk jdk = Jdks.newest();
        assertThat(jdk.major()).as("virtual threads need JDK 21+").isGreaterThanOrEqualTo(21);
        Path work = TestPaths.workDirectory("vthreads-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.vthreads.Work#on*,out=" + out)
                .jvmOption("-Djdk.virtualThreadScheduler.parallelism=2")
                .classpath(TestPaths.testClasses())
                .mainClass(VirtualThreadApp.class)
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher moved = Pattern.compile("virtual calls that moved carriers: (\\d+)").matcher(result.stdout());
        assertThat(moved.find()).as(result.describe()).isTrue();
        assertThat(Long.parseLong(moved.group(1))).as("some calls resumed on another carrier").isPositive();

        ReportFile report = ReportFile.onlyIn(out);
        JsonNode virtual = report.operation("com.acme.vthreads.Work#onVirtualThread");
        assertThat(virtual.get("count").asLong()).isEqualTo(VirtualThreadApp.CALLS);
        assertThat(virtual.get("allocBytes").get("unavailable").asLong()).as("every virtual call")
                .isEqualTo(VirtualThreadApp.CALLS);
        assertThat(virtual.get("allocBytes").get("total").asLong()).as("no number, rather than a wrong one").isZero();
        assertThat(virtual.has("selfNs")).isFalse();

        JsonNode platform = report.operation("com.acme.vthreads.Work#onPlatformThread");
        assertThat(platform.get("count").asLong()).isEqualTo(VirtualThreadApp.CALLS);
        JsonNode allocation = platform.get("allocBytes");
        assertThat(allocation.get("unavailable").asLong()).isZero();
        assertThat(allocation.get("p50").asLong()).as("two chunks per call")
                .isBetween(2L * Work.CHUNK_BYTES, 4L * Work.CHUNK_BYTES);
    }
}
