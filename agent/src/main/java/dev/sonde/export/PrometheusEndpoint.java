package dev.sonde.export;

import com.sun.net.httpserver.HttpServer;
import dev.sonde.bootstrap.Log;
import dev.sonde.config.ListenAddress;
import dev.sonde.config.PrometheusClassic;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.ThreadLocalRecorder;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@code /metrics} endpoint of {@code prometheus=}: the JDK's HTTP server with the Prometheus
 * client's own handler (text, OpenMetrics or protobuf, as the scraper asks), on one daemon thread.
 *
 * <p>The client's {@code HTTPServer} is not used: it also answers {@code /} and {@code /-/healthy},
 * and setting it up changes JVM-wide system properties of the JDK server, which the application
 * may use too. The client's settings are built here, not read from the application's
 * {@code prometheus.properties} or {@code io.prometheus.*} properties, which are meant for its own
 * metrics.
 *
 * <p>Scrapes are served on a thread that holds sonde's HTTP request claim for good, so the advice
 * on the JDK server (which sonde times with {@code http=on}) never counts sonde's own scrapes as
 * an operation of the application.
 */
public final class PrometheusEndpoint {

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code /metrics} on {@code address}; null, said in one line, when it cannot listen there
     * (the port is taken, the host is not this machine's): sonde then goes on without it.
     */
    public static PrometheusEndpoint start(ListenAddress address, PrometheusClassic classic,
                                           ThreadLocalRecorder recorder, OperationRegistry registry) {
        ExecutorService executor = scrapeThread(recorder);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address.host(), address.port()), 16);
            PrometheusProperties properties = PrometheusProperties.builder().build();
            HistogramParts.Choice parts = new HistogramParts.Choice(ExpositionFormats.init(properties), classic);
            server.createContext(MetricsOnly.PATH, new MetricsOnly(new MetricsHandler(properties,
                    metricsOf(recorder, registry, parts))));
            server.setExecutor(executor);
            startAsDaemon(server, executor);
            Log.info("Prometheus metrics at http://" + hostAndPort(address, server) + MetricsOnly.PATH);
            return new PrometheusEndpoint(server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            Log.error("prometheus=" + address + ": cannot listen there (" + Log.describe(e)
                    + "); no /metrics endpoint, sonde records and reports as usual");
            return null;
        }
    }

    private static PrometheusRegistry metricsOf(ThreadLocalRecorder recorder, OperationRegistry registry,
                                                HistogramParts.Choice parts) {
        PrometheusRegistry metrics = new PrometheusRegistry();
        metrics.register(new SondeMetrics(recorder, registry, parts));
        return metrics;
    }

    private static ExecutorService scrapeThread(ThreadLocalRecorder recorder) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(() -> {
                recorder.claimForSonde();
                task.run();
            }, "sonde-prometheus");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(Log::threadDied);
            return thread;
        });
    }

    /**
     * The JDK server's dispatcher thread takes its daemon flag from the thread that starts the
     * server; started from the application's main thread it would keep the JVM from exiting.
     */
    private static void startAsDaemon(HttpServer server, ExecutorService executor) throws IOException {
        try {
            executor.submit(server::start).get();
        } catch (ExecutionException e) {
            throw new IOException("the server did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the server", e);
        }
    }

    private static String hostAndPort(ListenAddress address, HttpServer server) {
        String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return host + ":" + server.getAddress().getPort();
    }

    /** The port it listens on (the one chosen, for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and ends the thread (at detach); a scrape under way is cut off. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
