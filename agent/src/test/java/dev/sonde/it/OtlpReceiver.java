package dev.sonde.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP receiver in the test: the JDK's HTTP server on loopback, taking
 * {@code POST /v1/metrics} and decoding each body with the official OpenTelemetry protobuf classes.
 * It can refuse pushes with 503 for a while, as a collector that is down or overloaded does.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One push as received: its decoded body and request headers. */
    static final class Push {
        final ExportMetricsServiceRequest request;
        final Map<String, List<String>> headers;
        final int answered;

        Push(ExportMetricsServiceRequest request, Map<String, List<String>> headers, int answered) {
            this.request = request;
            this.headers = headers;
            this.answered = answered;
        }

        boolean accepted() {
            return answered == 200;
        }

        /** The metric of that name, from the one resource and scope sonde sends. */
        Optional<Metric> metric(String name) {
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                    for (Metric metric : scope.getMetricsList()) {
                        if (metric.getName().equals(name)) {
                            return Optional.of(metric);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** The resource's attributes, as text. */
        Map<String, String> resource() {
            return attributes(request.getResourceMetrics(0).getResource().getAttributesList());
        }
    }

    private final HttpServer server;
    private final AtomicBoolean refusing;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server, boolean refusing) {
        this.server = server;
        this.refusing = new AtomicBoolean(refusing);
    }

    /** Takes every push (200). */
    static OtlpReceiver accepting() throws IOException {
        return start(false);
    }

    /** Answers every push with 503 until {@link #accept()}. */
    static OtlpReceiver refusing() throws IOException {
        return start(true);
    }

    /** From now on, answers 200. */
    void accept() {
        refusing.set(false);
    }

    private static OtlpReceiver start(boolean refusing) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        OtlpReceiver receiver = new OtlpReceiver(server, refusing);
        server.createContext("/v1/metrics", receiver::receive);
        server.setExecutor(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body.readAllBytes());
            int status = refusing.get() ? 503 : 200;
            pushes.add(new Push(request, Map.copyOf(exchange.getRequestHeaders()), status));
            byte[] answer = status == 200 ? new byte[0] : "collector unavailable".getBytes();
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/x-protobuf" : "text/plain");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Push> pushes() {
        return new ArrayList<>(pushes);
    }

    List<Push> accepted() {
        return pushes.stream().filter(Push::accepted).collect(Collectors.toList());
    }

    String describe() {
        return pushes.size() + " pushes received, answered " + pushes.stream().map(p -> String.valueOf(p.answered))
                .collect(Collectors.joining(", "));
    }

    static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue())));
    }

    private static String text(AnyValue value) {
        return value.hasIntValue() ? String.valueOf(value.getIntValue()) : value.getStringValue();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
