package dev.sonde.export;

import dev.sonde.config.ConfigLoader;
import dev.sonde.config.ListenAddress;
import dev.sonde.config.PrometheusClassic;
import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint in this JVM: what it serves, to whom, and that its figures only grow. */
class PrometheusEndpointTest {

    private final OperationRegistry registry = new OperationRegistry(2000);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final HttpClient client = HttpClient.newHttpClient();
    private PrometheusEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    @Test
    void metricsShowEveryOperationsCountsErrorsAndBuckets() throws Exception {
        int place = registry.register("com.acme.OrderService#place", OperationKind.METHOD);
        for (int i = 0; i < 100; i++) {
            recorder.record(place, 2_000_000 + i * 1_000, i % 10 == 0);
        }
        endpoint = start("0");
        String text = get("/metrics", Map.of()).body();
        String labels = "kind=\"method\",operation=\"com.acme.OrderService#place\"";
        assertThat(text)
                .contains("sonde_operation_duration_seconds_count{" + labels + "} 100")
                .contains("sonde_operation_errors_total{" + labels + "} 10.0")
                .contains("sonde_operations_dropped_total 0.0")
                .containsPattern("sonde_operation_duration_seconds_bucket\\{" + labels + ",le=\"0\\.00[0-9]+\"} 0")
                .contains("sonde_operation_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 100");
    }

    @Test
    void aScraperThatAcceptsGzipGetsTheSameMetricsGzipped() throws Exception {
        int place = registry.register("com.acme.OrderService#place", OperationKind.METHOD);
        for (int i = 0; i < 1000; i++) {
            recorder.record(place, 1_000 + i * 7_919L, false);
        }
        endpoint = start("0");
        String plain = get("/metrics", Map.of()).body();
        HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] text;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzipped.body()))) {
            text = in.readAllBytes();
        }
        assertThat(new String(text, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(gzipped.body().length).isLessThan(plain.length() / 4);
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/metrics")).header("Accept-Encoding", "gzip")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
    }

    @Test
    void httpRoutesHaveResponsesByStatusClass() throws Exception {
        recorder.request("GET", null, null, "/api/owners", 200, 1_000_000, false);
        recorder.request("GET", null, null, "/api/owners", 503, 1_000_000, false);
        endpoint = start("0");
        String text = get("/metrics", Map.of()).body();
        assertThat(text).contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"2xx\"} 1.0")
                .contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"5xx\"} 1.0")
                .contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"4xx\"} 0.0");
    }

    @Test
    void aRouteCalledAgainBetweenScrapesShowsItsNewCountsUnderTheSameSeries() throws Exception {
        recorder.request("GET", null, null, "/api/owners", 200, 1_000_000, false);
        endpoint = start("0");
        assertThat(get("/metrics", Map.of()).body())
                .contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"2xx\"} 1.0");
        recorder.request("GET", null, null, "/api/owners", 200, 1_000_000, false);
        recorder.request("GET", null, null, "/api/owners", 404, 1_000_000, false);
        assertThat(get("/metrics", Map.of()).body())
                .contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"2xx\"} 2.0")
                .contains("sonde_http_responses_total{operation=\"GET /api/owners\",status_class=\"4xx\"} 1.0")
                .contains("sonde_operation_duration_seconds_count{kind=\"http\",operation=\"GET /api/owners\"} 3");
    }

    @Test
    void aProtobufScrapeGetsTheNativeHistogramWithoutClassicBuckets() throws Exception {
        placeCalledAHundredTimes();
        endpoint = start("0");
        HttpResponse<byte[]> response = getBytes(Map.of("Accept", ProtobufScrape.ACCEPT));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google.protobuf");
        var histogram = ProtobufScrape.of(response.body()).histogram("sonde_operation_duration_seconds",
                "com.acme.OrderService#place");
        assertThat(histogram.getSchema()).isEqualTo(5);
        assertThat(histogram.getSampleCount()).isEqualTo(100);
        assertThat(histogram.getPositiveSpanCount()).isPositive();
        assertThat(histogram.getBucketCount()).as("classic buckets").isZero();
        assertThat(get("/metrics", Map.of()).body()).as("a text scrape still has them")
                .contains("sonde_operation_duration_seconds_bucket{");
    }

    @Test
    void withClassicAlwaysAProtobufScrapeGetsBothKindsOfBuckets() throws Exception {
        placeCalledAHundredTimes();
        endpoint = start("0", PrometheusClassic.ALWAYS);
        var histogram = ProtobufScrape.of(getBytes(Map.of("Accept", ProtobufScrape.ACCEPT)).body())
                .histogram("sonde_operation_duration_seconds", "com.acme.OrderService#place");
        assertThat(histogram.getPositiveSpanCount()).isPositive();
        assertThat(histogram.getBucketCount()).as("classic buckets").isGreaterThan(2);
        assertThat(histogram.getBucket(histogram.getBucketCount() - 1).getCumulativeCount()).isEqualTo(100);
    }

    @Test
    void aTextScrapeAfterAProtobufOneStillHasTheClassicBuckets() throws Exception {
        int place = registry.register("com.acme.OrderService#place", OperationKind.METHOD);
        recorder.record(place, 2_000_000, false);
        endpoint = start("0");
        getBytes(Map.of("Accept", ProtobufScrape.ACCEPT));
        // The operation is unchanged, so the text scrape reuses points: never the protobuf scrape's.
        assertThat(get("/metrics", Map.of("Accept", "application/openmetrics-text; version=1.0.0")).body())
                .containsPattern("sonde_operation_duration_seconds_bucket\\{kind=\"method\","
                        + "operation=\"com.acme.OrderService#place\",le=\"0\\.00[0-9]+\"} 1");
    }

    @Test
    void countersOnlyGrowFromScrapeToScrape() throws Exception {
        int place = registry.register("com.acme.OrderService#place", OperationKind.METHOD);
        endpoint = start("0");
        long previous = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 50; i++) {
                recorder.record(place, 1_000_000, true);
            }
            long errors = errors(get("/metrics", Map.of()).body());
            assertThat(errors).isEqualTo(previous + 50);
            previous = errors;
        }
    }

    @Test
    void onlyGetAndHeadOfMetricsAreAnswered() throws Exception {
        endpoint = start("0");
        assertThat(get("/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/metricsx", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/-/healthy", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aPortInUseLeavesNoEndpointAndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(start(String.valueOf(taken.getLocalPort()))).isNull();
        }
    }

    /** {@code com.acme.OrderService#place}, 2 to 3 ms. */
    private void placeCalledAHundredTimes() {
        int place = registry.register("com.acme.OrderService#place", OperationKind.METHOD);
        for (int i = 0; i < 100; i++) {
            recorder.record(place, 2_000_000 + i * 10_000, false);
        }
    }

    private PrometheusEndpoint start(String value) throws Exception {
        return start(value, PrometheusClassic.AUTO);
    }

    private PrometheusEndpoint start(String value, PrometheusClassic classic) throws Exception {
        ListenAddress address = new ConfigLoader(Map.of(), Map.of()).load("prometheus=" + value).prometheus();
        return PrometheusEndpoint.start(address, classic, recorder, registry);
    }

    private HttpResponse<byte[]> getBytes(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/metrics"));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    private static long errors(String text) {
        Matcher matcher = Pattern.compile("sonde_operation_errors_total\\{[^}]*} ([0-9.]+)").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
