package dev.sonde.it;

import com.acme.testapp.metrics.MetricsApp;
import com.acme.testapp.metrics.OwnOpenTelemetryApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code otlp=}: a JVM under sonde pushes to an OTLP/HTTP receiver in the test, which decodes what
 * it gets with the official OpenTelemetry protobuf classes. What arrives is what sonde's own report
 * says; a receiver that answers 503 for a while loses nothing (the values are cumulative); an
 * unreachable one or a bad value costs one line, and the application runs on.
 */
class OtlpExportIT {

    private static final String LATENCIES = MetricsAppRun.LATENCIES;
    private static final Map<String, Integer> CALLS = Map.of(LATENCIES + "spread", MetricsApp.SPREAD,
            LATENCIES + "slow", MetricsApp.SLOW, LATENCIES + "failing", MetricsApp.FAILING);
    private static final String DURATION = "sonde_operation_duration_seconds";
    private static final String ERRORS = "sonde_operation_errors";
    /** One bucket of scale 5 (2^(1/32)) plus the report's own 1 %. */
    private static final double BUCKET_ERROR = 0.0219 + 0.01;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void theCollectorGetsTheReportsCountsSumsErrorsAndPercentilesWithHeadersAndResource(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("otlp-" + jdk.major());
        try (OtlpReceiver receiver = OtlpReceiver.accepting()) {
            ForkedJvm.Running app = start(jdk, work, "otlp=" + receiver.endpoint() + ",otlp.interval=1s,"
                    + "otlp.headers=Authorization=Bearer secret-token==;X-Tenant=shop,otlp.service=shop-test");
            try {
                awaitFinalCounts(receiver, app);
                Files.createFile(work.resolve("stop"));
                ForkedJvm.Result result = app.awaitExit();
                assertThat(result.exitCode()).as(result.describe()).isZero();
                assertThat(result.stderr()).as("header values are secrets").doesNotContain("secret-token");
                ReportFile report = finalReport(work.resolve("out"));
                OtlpReceiver.Push last = receiver.accepted().get(receiver.accepted().size() - 1);
                for (String name : CALLS.keySet()) {
                    compare(report.operation(name), last);
                }
                assertThat(report.operationNames()).as("sonde's own pushes are not calls of the application")
                        .noneMatch(name -> name.contains("/v1/metrics"));
                assertThat(last.headers.get("Authorization")).containsExactly("Bearer secret-token==");
                assertThat(last.headers.get("X-tenant")).containsExactly("shop");
                assertThat(last.resource()).containsEntry("service.name", "shop-test")
                        .containsEntry("process.pid", String.valueOf(app.pid()))
                        .containsKey("host.name");
                assertThat(last.metric(ERRORS).orElseThrow().getSum().getAggregationTemporality())
                        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
                assertThat(last.metric(ERRORS).orElseThrow().getSum().getIsMonotonic()).isTrue();
            } finally {
                app.terminate();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aCollectorThatAnswers503AndThenRecoversLosesNothingAndCostsOneLineEachWay(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("otlp-503-" + jdk.major());
        try (OtlpReceiver receiver = OtlpReceiver.refusing()) {
            ForkedJvm.Running app = start(jdk, work, "otlp=" + receiver.endpoint() + ",otlp.interval=1s");
            try {
                // Refused while the app makes its calls, and at least once after the last of them.
                Poll.until(LIMIT, "the app's calls", () -> app.stdoutSoFar().contains("calls done"), app::stderrSoFar);
                int refusedSoFar = receiver.pushes().size();
                Poll.until(LIMIT, "a push refused after the calls", () -> receiver.pushes().size() > refusedSoFar,
                        () -> receiver.describe() + "\n" + app.stderrSoFar());
                receiver.accept();
                awaitFinalCounts(receiver, app);
                List<OtlpReceiver.Push> accepted = receiver.accepted();
                assertThat(receiver.pushes().get(0).accepted()).isFalse();
                for (String name : CALLS.keySet()) {
                    assertThat(count(accepted.get(0), name)).as(name + ", first accepted push").isEqualTo(CALLS.get(name).longValue());
                }
                assertNeverBackwards(receiver.pushes());
                // Said once the answer is read, a moment after the receiver counted the push.
                Poll.until(LIMIT, "the line that says it works again", () -> app.stderrSoFar().contains("works again"),
                        app::stderrSoFar);
                List<String> lines = app.stderrSoFar().lines().filter(line -> line.contains("OTLP push to"))
                        .collect(Collectors.toList());
                assertThat(lines).as(app.stderrSoFar()).hasSize(3);
                assertThat(lines.get(1)).startsWith("[sonde] OTLP push to " + receiver.endpoint() + "/v1/metrics failed (HTTP 503)");
                assertThat(lines.get(2)).startsWith("[sonde] OTLP push to " + receiver.endpoint() + "/v1/metrics works again, after ");
                Files.createFile(work.resolve("stop"));
                ForkedJvm.Result result = app.awaitExit();
                assertThat(result.exitCode()).as(result.describe()).isZero();
            } finally {
                app.terminate();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anUnreachableCollectorCostsOneLineAndNeitherTheApplicationNorItsExitWaits(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("otlp-unreachable-" + jdk.major());
        String endpoint;
        try (OtlpReceiver closed = OtlpReceiver.accepting()) {
            endpoint = closed.endpoint();
        }
        ForkedJvm.Running app = start(jdk, work, "otlp=" + endpoint + ",otlp.interval=1s");
        try {
            Poll.until(LIMIT, "the first failed push", () -> app.stderrSoFar().contains("failed ("), app::stderrSoFar);
            Thread.sleep(3_000); // three more pushes fail, and say nothing
            Files.createFile(work.resolve("stop"));
            long stopAsked = System.nanoTime();
            ForkedJvm.Result result = app.awaitExit();
            Duration exit = Duration.ofNanos(System.nanoTime() - stopAsked);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stdout()).contains("calls done");
            List<String> failures = result.sondeLines().stream().filter(line -> line.contains("OTLP push to") && line.contains("failed"))
                    .collect(Collectors.toList());
            assertThat(failures).as(result.describe()).hasSize(1);
            assertThat(failures.get(0)).contains("ConnectException").endsWith("sonde tries again every 1s and says so once it works");
            assertThat(result.stderr()).as("no stack trace of the SDK's").doesNotContain("\tat ").doesNotContain("SEVERE");
            assertThat(finalReport(work.resolve("out")).operation(LATENCIES + "spread").get("count").asLong())
                    .isEqualTo(MetricsApp.SPREAD);
            assertThat(exit).as("exit after the stop file, the app polls it every 20 ms").isLessThan(Duration.ofSeconds(4));
        } finally {
            app.terminate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anApplicationWithItsOwnOpenTelemetrySdkRunsUnchangedBesideSondesPush(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("otlp-own-sdk-" + jdk.major());
        String placeOrder = OwnOpenTelemetryApp.class.getName() + "#placeOrder";
        ForkedJvm.Result without = ForkedJvm.on(jdk)
                .classpath(TestPaths.testClasspath())
                .mainClass(OwnOpenTelemetryApp.class)
                .run(work.resolve("without"));
        try (OtlpReceiver receiver = OtlpReceiver.accepting()) {
            // The app ends only after sonde's first push (at start, cold) has arrived, so that the
            // push at exit does not wait behind it and is not cut off on a loaded machine.
            Path firstPushArrived = work.resolve("first-push-arrived");
            ForkedJvm.Running running = ForkedJvm.on(jdk)
                    .withAgent("include=" + placeOrder + ",otlp=" + receiver.endpoint() + ",out=" + work.resolve("out"))
                    .classpath(TestPaths.testClasspath())
                    .mainClass(OwnOpenTelemetryApp.class, firstPushArrived.toString())
                    .start(work.resolve("with"));
            Poll.until(Duration.ofSeconds(60), "sonde's first push", () -> !receiver.accepted().isEmpty() || !running.isAlive(),
                    running::stderrSoFar);
            Files.writeString(firstPushArrived, "");
            ForkedJvm.Result with = running.awaitExit();
            assertThat(without.exitCode()).as(without.describe()).isZero();
            assertThat(with.exitCode()).as(with.describe()).isZero();
            assertThat(with.stdout()).isEqualTo(without.stdout()).contains("own-otel-app done: {order.amount=");
            // The last push, at exit, has the app's calls; nothing of the app's own metrics is in it.
            OtlpReceiver.Push last = receiver.accepted().get(receiver.accepted().size() - 1);
            assertThat(count(last, placeOrder)).as(receiver.describe()).isEqualTo(OwnOpenTelemetryApp.ORDERS);
            assertThat(last.metric("orders")).isEmpty();
        }
    }

    static Stream<Arguments> badValues() {
        List<String> values = List.of("otlp=ftp://collector:4318", "otlp=abc", "otlp=http://127.0.0.1:4318,otlp.headers=NoEquals");
        return Jdks.all().stream().flatMap(jdk -> values.stream().map(value -> Arguments.of(jdk, value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badValues")
    void aBadValueIsOneClearLineAndTheApplicationRunsOn(Jdks.Jdk jdk, String value) throws Exception {
        Path work = TestPaths.workDirectory("otlp-bad-" + jdk.major() + "-" + Math.abs(value.hashCode()));
        Files.createDirectories(work);
        Files.createFile(work.resolve("stop"));
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + LATENCIES + "*," + value + ",out=" + work.resolve("out"))
                .classpath(TestPaths.testClasses())
                .mainClass(MetricsApp.class, work.resolve("stop").toString())
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("calls done");
        assertThat(result.sondeLines()).as(result.describe()).hasSize(1);
        assertThat(result.sondeLines().get(0)).startsWith("[sonde] invalid configuration: invalid value ")
                .contains(value.contains("headers") ? "for otlp.headers: item 1 is not name=value" : "for otlp: expected the http:// or https:// URL")
                .endsWith("; sonde is disabled, the application runs normally");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    private static ForkedJvm.Running start(Jdks.Jdk jdk, Path work, String otlp) throws Exception {
        return MetricsAppRun.start(jdk, work, otlp, Duration.ofSeconds(120));
    }

    /** Until a push the receiver accepted holds every call of the app (which is idle after them). */
    private static void awaitFinalCounts(OtlpReceiver receiver, ForkedJvm.Running app) throws Exception {
        Poll.until(LIMIT, "a push with every call", () -> {
            List<OtlpReceiver.Push> accepted = receiver.accepted();
            if (accepted.isEmpty()) {
                return !app.isAlive();
            }
            OtlpReceiver.Push last = accepted.get(accepted.size() - 1);
            return CALLS.entrySet().stream().allMatch(call -> count(last, call.getKey()) == call.getValue())
                    || !app.isAlive();
        }, () -> receiver.describe() + "\n" + app.stderrSoFar());
        assertThat(app.isAlive()).as(app.stderrSoFar()).isTrue();
    }

    private static long count(OtlpReceiver.Push push, String operation) {
        return duration(push, operation).map(ExponentialHistogramDataPoint::getCount).orElse(-1L);
    }

    private static Optional<ExponentialHistogramDataPoint> duration(OtlpReceiver.Push push, String operation) {
        return push.metric(DURATION).flatMap(metric -> metric.getExponentialHistogram().getDataPointsList().stream()
                .filter(point -> operation.equals(OtlpReceiver.attributes(point.getAttributesList()).get("operation")))
                .findFirst());
    }

    private static void compare(JsonNode operation, OtlpReceiver.Push push) {
        String name = operation.get("name").asText();
        ExponentialHistogramDataPoint point = duration(push, name).orElseThrow();
        JsonNode latency = operation.get("latencyNs");
        assertThat(point.getCount()).as(name).isEqualTo(operation.get("count").asLong());
        long inBuckets = point.getZeroCount() + point.getPositive().getBucketCountsList().stream().mapToLong(c -> c).sum();
        assertThat(inBuckets).as(name + ": zero count plus buckets").isEqualTo(point.getCount());
        assertThat(point.getSum()).as(name).isCloseTo(latency.get("total").asLong() * 1e-9,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(point.getMin()).as(name).isEqualTo(latency.get("min").asLong() * 1e-9);
        assertThat(point.getMax()).as(name).isEqualTo(latency.get("max").asLong() * 1e-9);
        assertThat(point.getScale()).isEqualTo(5);
        assertThat(OtlpReceiver.attributes(point.getAttributesList())).containsEntry("kind", "method");
        for (double q : new double[] {0.5, 0.99}) {
            double reported = latency.get(q == 0.5 ? "p50" : "p99").asLong() * 1e-9;
            assertThat(upperBoundAt(point, q)).as("%s of %s", q, name)
                    .isBetween(reported * (1 - BUCKET_ERROR), reported * (1 + BUCKET_ERROR));
        }
        Metric errors = push.metric(ERRORS).orElseThrow();
        NumberDataPoint errorPoint = errors.getSum().getDataPointsList().stream()
                .filter(p -> name.equals(OtlpReceiver.attributes(p.getAttributesList()).get("operation")))
                .findFirst().orElseThrow();
        assertThat(errorPoint.getAsInt()).as(name + " errors").isEqualTo(operation.get("errors").asLong());
    }

    /** The upper bound of the bucket that holds the q-quantile: base^(index + 1), base = 2^(2^-scale). */
    private static double upperBoundAt(ExponentialHistogramDataPoint point, double q) {
        long rank = (long) Math.ceil(q * point.getCount());
        long seen = point.getZeroCount();
        if (seen >= rank) {
            return 0;
        }
        List<Long> counts = point.getPositive().getBucketCountsList();
        for (int i = 0; i < counts.size(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.pow(2, (point.getPositive().getOffset() + i + 1) / Math.pow(2, point.getScale()));
            }
        }
        throw new AssertionError("rank " + rank + " past the buckets");
    }

    private static void assertNeverBackwards(List<OtlpReceiver.Push> pushes) {
        Map<String, Long> highest = new java.util.HashMap<>();
        for (OtlpReceiver.Push push : pushes) {
            for (String name : CALLS.keySet()) {
                long count = Math.max(0, count(push, name)); // absent before its first call
                assertThat(count).as(name).isGreaterThanOrEqualTo(highest.getOrDefault(name, 0L));
                highest.put(name, count);
            }
        }
    }

    private static ReportFile finalReport(Path out) throws Exception {
        for (Path file : ReportFile.reportsIn(out)) {
            if (file.getFileName().toString().startsWith("sonde-report-")) {
                return ReportFile.read(file);
            }
        }
        throw new AssertionError("no final report in " + out + ": " + ReportFile.reportsIn(out));
    }
}
