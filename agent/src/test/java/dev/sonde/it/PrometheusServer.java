package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on loopback, scraping one target
 * every 500 ms, queried through its HTTP API. Missing Prometheus fails the test: CI installs it
 * ({@code agent/src/test/scripts/ensure-prometheus}), and a skipped test would hide a broken export.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code target} (host:port); {@code nativeHistograms} as the flag says. */
    static PrometheusServer scraping(String target, boolean nativeHistograms, Path work) throws Exception {
        Files.createDirectories(work);
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 500ms\n  scrape_timeout: 400ms\n"
                + "scrape_configs:\n  - job_name: sonde\n    static_configs:\n      - targets: ['" + target + "']\n");
        int port = HttpProbe.freePort();
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
        if (nativeHistograms) {
            command.add("--enable-feature=native-histograms");
        }
        Path log = work.resolve("prometheus.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        Poll.until(READY_LIMIT, "Prometheus to be ready on port " + port, server::ready, server::describe);
        return server;
    }

    private static Path binary() {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .map(directory -> Paths.get(directory, "prometheus")).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no prometheus on the PATH;"
                + " run agent/src/test/scripts/ensure-prometheus (Debian's prometheus package)"));
    }

    private boolean ready() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("Prometheus ended at start\n" + describe());
        }
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The result vector of an instant query. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError(promql + " failed: " + response.body());
        }
        return body.path("data").path("result");
    }

    /** The value of a query that yields one sample; empty when it yields none yet. */
    Optional<Double> value(String promql) throws IOException, InterruptedException {
        JsonNode result = query(promql);
        if (result.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String describe() throws IOException {
        return "Prometheus log " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : "(none)");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
