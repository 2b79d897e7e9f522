package dev.sonde.it;

import com.acme.testapp.ThreadChurnApp;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads must not make sonde's memory grow: ended platform threads are folded into the totals
 * and forgotten, and virtual threads get no buffers (nor thread-local entries) of their own. Counts
 * stay exact either way; a virtual thread's allocation is counted as unavailable, never guessed.
 */
class ThreadChurnIT {

    private static final String STEP = "com.acme.testapp.ThreadChurnApp#step";
    /** The main thread and sonde's own threads may hold buffers; churned threads must not. */
    private static final int A_HANDFUL = 3;

    @Test
    void hundredThousandLiveVirtualThreadsGetNoBuffersOfTheirOwn() throws Exception {
        assertBuffersBounded(Jdks.newest(), "virtual", 100_000);
    }

    @Test
    void endedPlatformThreadsAreFoldedIntoTotalsAndForgotten() throws Exception {
        assertBuffersBounded(Jdks.current(), "platform", 10_000);
    }

    private static void assertBuffersBounded(Jdks.Jdk jdk, String mode, int threads) throws Exception {
        Path work = TestPaths.workDirectory("churn-" + mode);
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + STEP + ",out=" + out)
                .mainClass(ThreadChurnApp.class, mode, String.valueOf(threads))
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        String line = result.stdout().lines().filter(l -> l.startsWith("threads-with-buffers ")).findFirst()
                .orElseThrow(() -> new AssertionError(result.describe()));
        assertThat(Integer.parseInt(line.substring("threads-with-buffers ".length())))
                .as("threads holding buffers after %d %s threads", threads, mode)
                .isLessThanOrEqualTo(A_HANDFUL);
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).containsExactly(Map.entry(STEP, (long) threads));
        long unavailable = report.operation(STEP).get("allocBytes").get("unavailable").asLong();
        assertThat(unavailable).as("calls whose allocation could not be measured")
                .isEqualTo(mode.equals("virtual") ? threads : 0);
    }
}
