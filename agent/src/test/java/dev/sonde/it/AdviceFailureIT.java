package dev.sonde.it;

import com.acme.web.recycled.RecycledRequestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advice that fails never reaches the application, and is not lost either: one line names the place
 * and the exception, and the report counts every failure.
 */
class AdviceFailureIT {

    private static final String FILTER = "com.acme.web.recycled.AuditFilter#doFilter";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void httpAdviceFailingOnARecycledRequestIsSaidOnceAndCountedInTheReport(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("advice-failure-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + FILTER + ",out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(RecycledRequestApp.class)
                .run(work);

        int calls = RecycledRequestApp.CALLS;
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("filtered " + calls + ", passed on " + calls + " of " + calls);
        assertThat(result.sondeLines()).as(result.describe())
                .filteredOn(line -> line.contains("advice failed"))
                .containsExactly("[sonde] advice failed in " + FILTER + " (HTTP request timing); such calls run"
                        + " unchanged but are not recorded (said once for it; the report counts them):"
                        + " IllegalStateException: " + RecycledRequestApp.RECYCLED);

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as("the method's own timing is unaffected").containsExactly(Map.entry(FILTER, (long) calls));
        List<String> warnings = new ArrayList<>();
        report.root().get("warnings").forEach(warning -> warnings.add(warning.asText()));
        assertThat(warnings).containsExactly("advice failed " + calls + " times in " + FILTER
                + " (HTTP request timing): first IllegalStateException: " + RecycledRequestApp.RECYCLED);
    }
}
