package dev.sonde.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/**
 * Lets only {@code GET} or {@code HEAD /metrics} through to the client library's handler. The JDK
 * server matches contexts by prefix, so without this {@code /metricsfoo} and {@code /metrics/x}
 * would be answered too; the endpoint is meant to say nothing but the metrics.
 */
final class MetricsOnly implements HttpHandler {

    static final String PATH = "/metrics";

    private final HttpHandler metrics;

    MetricsOnly(HttpHandler metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
            } else {
                metrics.handle(FastGzipExchange.of(exchange));
                return;
            }
        } finally {
            exchange.close();
        }
    }
}
