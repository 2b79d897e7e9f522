package dev.sonde.it;

import com.acme.asyncapp.AsyncApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Methods returning a {@code CompletableFuture} or {@code CompletionStage} (declared, or only at run
 * time) are timed until the result completes, in a real JVM, with either advice; {@code async=off}
 * times them as they return. The application has neither Reactor nor Reactive Streams on its class
 * path: the checks for publishers, which its {@code Object} methods go through, must load nothing of
 * theirs ("results intact", no exception).
 */
class AsyncResultsIT {

    private static final String QUOTES = "com.acme.asyncapp.Quotes#";
    private static final long MILLIS = 1_000_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void futuresAreTimedToCompletionWithErrorsAndCancellationsApartAndNoSelfTimeOrAllocation(Jdks.Jdk jdk)
            throws Exception {
        ReportFile report = run(jdk, "async-" + jdk.major(), "");

        assertThat(report.counts()).containsOnly(
                Map.entry(QUOTES + "quote", (long) AsyncApp.QUOTE_CALLS + AsyncApp.STAGE_CALLS + AsyncApp.UNTYPED_CALLS),
                Map.entry(QUOTES + "stage", (long) AsyncApp.STAGE_CALLS),
                Map.entry(QUOTES + "untyped", (long) AsyncApp.UNTYPED_CALLS),
                Map.entry(QUOTES + "broken", (long) AsyncApp.BROKEN_CALLS),
                Map.entry(QUOTES + "pending", (long) AsyncApp.PENDING_CALLS / 2),
                Map.entry(QUOTES + "plain", (long) AsyncApp.PLAIN_CALLS));
        for (String method : List.of("quote", "stage", "untyped")) {
            JsonNode operation = report.operation(QUOTES + method);
            assertThat(operation.get("latencyNs").get("p50").asLong()).as(method)
                    .isGreaterThanOrEqualTo(18 * MILLIS);
            assertThat(operation.get("errors").asLong()).as(method).isZero();
            assertThat(operation.has("selfNs")).as(method + ": self time unavailable").isFalse();
            assertThat(operation.get("allocBytes").get("unavailable").asLong()).as(method)
                    .isEqualTo(operation.get("count").asLong());
        }
        JsonNode broken = report.operation(QUOTES + "broken");
        assertThat(broken.get("errors").asLong()).isEqualTo(AsyncApp.BROKEN_CALLS);
        assertThat(broken.get("latencyNs").get("min").asLong()).isGreaterThanOrEqualTo(18 * MILLIS);
        JsonNode pending = report.operation(QUOTES + "pending");
        assertThat(pending.get("cancelled").asLong()).isEqualTo(AsyncApp.PENDING_CALLS / 2);
        assertThat(pending.get("errors").asLong()).as("a cancellation is no error").isZero();
        assertThat(broken.has("cancelled")).as("absent when none").isFalse();
        JsonNode plain = report.operation(QUOTES + "plain");
        assertThat(plain.get("latencyNs").get("p50").asLong()).isLessThan(MILLIS);
        assertThat(plain.has("selfNs")).as("a plain value keeps its self time").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void withoutSelfTimeAndAllocationTheCheaperAdviceTimesFuturesToCompletionToo(Jdks.Jdk jdk) throws Exception {
        ReportFile report = run(jdk, "async-plain-" + jdk.major(), ",alloc=off,self=off");

        assertThat(report.counts().get(QUOTES + "untyped")).isEqualTo(AsyncApp.UNTYPED_CALLS);
        assertThat(report.operation(QUOTES + "quote").get("latencyNs").get("p50").asLong())
                .isGreaterThanOrEqualTo(18 * MILLIS);
        assertThat(report.operation(QUOTES + "untyped").get("latencyNs").get("p50").asLong())
                .isGreaterThanOrEqualTo(18 * MILLIS);
        assertThat(report.operation(QUOTES + "broken").get("errors").asLong()).isEqualTo(AsyncApp.BROKEN_CALLS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void asyncOffTimesAMethodUntilItReturnsItsFuture(Jdks.Jdk jdk) throws Exception {
        ReportFile report = run(jdk, "async-off-" + jdk.major(), ",async=off");

        JsonNode quote = report.operation(QUOTES + "quote");
        assertThat(quote.get("count").asLong())
                .isEqualTo(AsyncApp.QUOTE_CALLS + AsyncApp.STAGE_CALLS + AsyncApp.UNTYPED_CALLS);
        assertThat(quote.get("latencyNs").get("p50").asLong()).isLessThan(5 * MILLIS);
        assertThat(report.operation(QUOTES + "broken").get("errors").asLong()).isZero();
        assertThat(report.operation(QUOTES + "pending").get("count").asLong()).isEqualTo(AsyncApp.PENDING_CALLS);
        assertThat(report.operation(QUOTES + "pending").has("cancelled")).isFalse();
    }

    private static ReportFile run(Jdks.Jdk jdk, String name, String moreArguments) throws Exception {
        Path work = TestPaths.workDirectory(name);
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.asyncapp.Quotes,out=" + out + moreArguments)
                .mainClass(AsyncApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains("results intact");
        assertThat(result.stderr()).as("nothing from sonde reaches the application").doesNotContain("Exception");
        return ReportFile.onlyIn(out);
    }
}
