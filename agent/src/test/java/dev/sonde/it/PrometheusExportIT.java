package dev.sonde.it;

import com.acme.testapp.metrics.MetricsApp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.export.ProtobufScrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus scrapes a JVM under sonde with {@code prometheus=}: what Prometheus stores is
 * what sonde's own report says. Two servers scrape it, because Prometheus 2.42 keeps only the
 * native histogram of a protobuf scrape (it has no setting to keep the classic buckets too): one
 * with {@code --enable-feature=native-histograms} (protobuf, native buckets), one without (text,
 * classic {@code le} buckets). With the default {@code prometheus.classic=auto}, a protobuf scrape
 * carries no classic buckets at all; with {@code always} it carries both.
 */
class PrometheusExportIT {

    private static final String LATENCIES = MetricsAppRun.LATENCIES;
    private static final Map<String, Integer> CALLS = Map.of(LATENCIES + "spread", MetricsApp.SPREAD,
            LATENCIES + "slow", MetricsApp.SLOW, LATENCIES + "failing", MetricsApp.FAILING);
    private static final Pattern ENDPOINT = Pattern.compile("\\[sonde] Prometheus metrics at http://([0-9.]+:[0-9]+)/metrics");
    /** One classic bucket (2^(1/8)) or native bucket (2^(1/32)), plus the report's own 1 % (docs/export.md). */
    private static final double CLASSIC_ERROR = 0.0905 + 0.01;
    private static final double NATIVE_ERROR = 0.0219 + 0.01;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @ParameterizedTest
    @MethodSource(Jdks.ALL)
    void prometheusStoresTheReportsCountsErrorsAndPercentiles(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("prometheus-" + jdk.major());
        Path stop = work.resolve("stop");
        // interval= too: its windows must not reset what Prometheus sees.
        ForkedJvm.Running app = metricsApp(jdk, work, "interval=500ms");
        try {
            String target = endpointOf(app);
            try (PrometheusServer classic = PrometheusServer.scraping(target, false, work.resolve("prom-classic"));
                 PrometheusServer nativeOnes = PrometheusServer.scraping(target, true, work.resolve("prom-native"))) {
                for (Map.Entry<String, Integer> operation : CALLS.entrySet()) {
                    awaitCount(classic, "sonde_operation_duration_seconds_count", operation);
                    awaitCount(nativeOnes, "histogram_count(sonde_operation_duration_seconds", operation);
                }
                // Read while the app runs: once it is gone, Prometheus marks its series stale.
                Map<String, Map<String, Double>> seen = new java.util.HashMap<>();
                for (String name : CALLS.keySet()) {
                    seen.put(name, observe(name, classic, nativeOnes));
                }
                ProtobufScrape protobuf = protobufScrape(target);
                var histogram = protobuf.histogram("sonde_operation_duration_seconds", LATENCIES + "spread");
                assertThat(histogram.getPositiveSpanCount()).as("a protobuf scrape has the native histogram").isPositive();
                assertThat(histogram.getSchema()).as("durations: buckets 2^(1/32) apart").isEqualTo(5);
                assertThat(histogram.getBucketCount()).as("and, by default, no classic buckets").isZero();
                assertThat(protobuf.histogram("sonde_operation_allocated_bytes", LATENCIES + "spread").getSchema())
                        .as("allocated bytes: buckets 2^(1/2) apart").isEqualTo(1);
                assertThat(scrape(target, "text/plain; version=0.0.4", HttpResponse.BodyHandlers.ofString()))
                        .as("a text scrape has them").contains("sonde_operation_duration_seconds_bucket{kind=\"method\","
                                + "operation=\"" + LATENCIES + "spread\",le=\"+Inf\"} " + MetricsApp.SPREAD);
                Files.createFile(stop);
                ForkedJvm.Result result = app.awaitExit();
                assertThat(result.exitCode()).as(result.describe()).isZero();
                ReportFile report = finalReport(work.resolve("out"));
                for (String name : CALLS.keySet()) {
                    compare(report.operation(name), seen.get(name));
                }
                assertThat(report.operationNames()).as("sonde's own scrapes are no operation of the application")
                        .noneMatch(name -> name.contains("/metrics"));
            }
        } finally {
            if (app.isAlive()) {
                app.terminate();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Jdks.ALL)
    void withClassicAlwaysAProtobufScrapeCarriesTheClassicBucketsToo(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("prometheus-classic-always-" + jdk.major());
        Path stop = work.resolve("stop");
        ForkedJvm.Running app = metricsApp(jdk, work, "prometheus.classic=always");
        try {
            String target = endpointOf(app);
            Poll.until(LIMIT, "the calls to be done", () -> app.stdoutSoFar().contains("calls done"), app::stdoutSoFar);
            var histogram = protobufScrape(target).histogram("sonde_operation_duration_seconds", LATENCIES + "slow");
            assertThat(histogram.getPositiveSpanCount()).isPositive();
            assertThat(histogram.getBucketCount()).isGreaterThan(2);
            assertThat(histogram.getBucket(histogram.getBucketCount() - 1).getCumulativeCount()).isEqualTo(MetricsApp.SLOW);
            Files.createFile(stop);
            ForkedJvm.Result result = app.awaitExit();
            assertThat(result.exitCode()).as(result.describe()).isZero();
        } finally {
            if (app.isAlive()) {
                app.terminate();
            }
        }
    }

    @Test
    void aValueThatIsNoAddressIsOneLineAndTheApplicationRunsWithoutSonde() throws Exception {
        Path work = TestPaths.workDirectory("prometheus-abc");
        Path stop = work.resolve("stop");
        Files.createDirectories(work);
        Files.createFile(stop);
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=" + LATENCIES + "*,prometheus=abc,out=" + work.resolve("out"))
                .classpath(TestPaths.testClasses())
                .mainClass(MetricsApp.class, stop.toString())
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("calls done");
        assertThat(result.sondeLines()).as(result.describe()).containsExactly("[sonde] invalid configuration: invalid"
                + " value 'abc' for prometheus: expected a port (binds 127.0.0.1) or host:port, e.g. 9464 or"
                + " 0.0.0.0:9464, or off; sonde is disabled, the application runs normally");
    }

    @Test
    void aPortInUseIsOneLineAndSondeRecordsAndReportsAsUsual() throws Exception {
        Path work = TestPaths.workDirectory("prometheus-taken");
        Path stop = work.resolve("stop");
        Files.createDirectories(work);
        Files.createFile(stop);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                    .withAgent("include=" + LATENCIES + "*,prometheus=" + taken.getLocalPort() + ",out=" + work.resolve("out"))
                    .classpath(TestPaths.testClasses())
                    .mainClass(MetricsApp.class, stop.toString())
                    .run(work);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            List<String> problems = result.sondeLines().stream().filter(line -> line.contains("prometheus=")).collect(
                    java.util.stream.Collectors.toList());
            assertThat(problems).as(result.describe()).hasSize(1);
            assertThat(problems.get(0)).startsWith("[sonde] prometheus=127.0.0.1:" + taken.getLocalPort()
                    + ": cannot listen there (").endsWith("); no /metrics endpoint, sonde records and reports as usual");
            assertThat(ReportFile.onlyIn(work.resolve("out")).operation(LATENCIES + "spread").get("count").asLong())
                    .isEqualTo(MetricsApp.SPREAD);
        }
    }

    /** {@link MetricsApp} under sonde with {@code prometheus=0} and {@code options}, until {@code work/stop} exists. */
    private static ForkedJvm.Running metricsApp(Jdks.Jdk jdk, Path work, String options) throws Exception {
        return MetricsAppRun.start(jdk, work, "prometheus=0," + options, Duration.ofSeconds(180));
    }

    private static ProtobufScrape protobufScrape(String target) throws Exception {
        return ProtobufScrape.of(scrape(target, ProtobufScrape.ACCEPT, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** One scrape of sonde's endpoint as a scraper asking for {@code accept} makes it, uncompressed. */
    private static <T> T scrape(String target, String accept, HttpResponse.BodyHandler<T> body) throws Exception {
        HttpResponse<T> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + target + "/metrics")).header("Accept", accept).timeout(Duration.ofSeconds(10))
                .build(), body);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String endpointOf(ForkedJvm.Running app) throws Exception {
        String[] found = new String[1];
        Poll.until(LIMIT, "sonde's Prometheus endpoint line", () -> {
            Matcher matcher = ENDPOINT.matcher(app.stderrSoFar());
            if (matcher.find()) {
                found[0] = matcher.group(1);
            }
            return found[0] != null || !app.isAlive();
        }, app::stderrSoFar);
        assertThat(found[0]).as(app.stderrSoFar()).isNotNull();
        return found[0];
    }

    /** Waits until Prometheus has scraped the operation's final count (the app is idle after its calls). */
    private static void awaitCount(PrometheusServer server, String metric, Map.Entry<String, Integer> operation)
            throws Exception {
        String query = metric + "{operation=\"" + operation.getKey() + "\"}" + (metric.contains("(") ? ")" : "");
        Poll.until(LIMIT, query + " == " + operation.getValue(),
                () -> server.value(query).map(v -> v == operation.getValue().doubleValue()).orElse(false),
                () -> "last value " + server.value(query) + "\n" + server.describe());
    }

    /** What Prometheus stored for one operation, by the report field it must match. */
    private static Map<String, Double> observe(String name, PrometheusServer classic, PrometheusServer nativeOnes)
            throws Exception {
        String selector = "{operation=\"" + name + "\",kind=\"method\"}";
        String histogram = "sonde_operation_duration_seconds" + selector;
        JsonNode[] found = new JsonNode[1];
        Poll.until(LIMIT, histogram, () -> (found[0] = nativeOnes.query(histogram)).size() == 1,
                () -> "last answer " + found[0] + "\n" + nativeOnes.describe());
        JsonNode stored = found[0];
        assertThat(stored.get(0).has("histogram")).as("a native histogram is stored: " + stored).isTrue();
        Map<String, Double> seen = new java.util.HashMap<>();
        seen.put("count", value(classic, "sonde_operation_duration_seconds_count" + selector));
        seen.put("errors", value(classic, "sonde_operation_errors_total" + selector));
        seen.put("native errors", value(nativeOnes, "sonde_operation_errors_total" + selector));
        seen.put("allocated count", value(classic, "sonde_operation_allocated_bytes_count" + selector));
        seen.put("allocated sum", value(classic, "sonde_operation_allocated_bytes_sum" + selector));
        for (String percentile : List.of("p50", "p99")) {
            String q = percentile.equals("p50") ? "0.5" : "0.99";
            seen.put("classic " + percentile, value(classic,
                    "histogram_quantile(" + q + ", sonde_operation_duration_seconds_bucket" + selector + ")"));
            seen.put("native " + percentile, value(nativeOnes,
                    "histogram_quantile(" + q + ", sonde_operation_duration_seconds" + selector + ")"));
        }
        return seen;
    }

    private static void compare(JsonNode operation, Map<String, Double> seen) {
        String name = operation.get("name").asText();
        assertThat(seen.get("count")).as(name).isEqualTo(operation.get("count").asDouble());
        assertThat(seen.get("errors")).as(name).isEqualTo(operation.get("errors").asDouble());
        assertThat(seen.get("native errors")).as(name).isEqualTo(operation.get("errors").asDouble());
        JsonNode allocated = operation.get("allocBytes");
        assertThat(seen.get("allocated count")).as(name + ": calls whose allocation was measured")
                .isEqualTo(operation.get("count").asDouble() - allocated.get("unavailable").asDouble());
        assertThat(seen.get("allocated sum")).as(name).isEqualTo(allocated.get("total").asDouble());
        for (String percentile : List.of("p50", "p99")) {
            double reported = operation.get("latencyNs").get(percentile).asDouble() * 1e-9;
            assertThat(seen.get("classic " + percentile)).as("classic %s of %s", percentile, name)
                    .isBetween(reported * (1 - CLASSIC_ERROR), reported * (1 + CLASSIC_ERROR));
            assertThat(seen.get("native " + percentile)).as("native %s of %s", percentile, name)
                    .isBetween(reported * (1 - NATIVE_ERROR), reported * (1 + NATIVE_ERROR));
        }
    }

    /**
     * The query's one value. Polled: a scrape that failed (over the 400 ms timeout on a loaded machine)
     * makes Prometheus mark the target's series stale until the next one succeeds, and the app is idle,
     * so every value stays as it is.
     */
    private static double value(PrometheusServer server, String query) throws Exception {
        @SuppressWarnings("unchecked")
        Optional<Double>[] last = new Optional[] {Optional.empty()};
        Poll.until(LIMIT, query, () -> (last[0] = server.value(query)).isPresent(), () -> server.describe());
        return last[0].get();
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
