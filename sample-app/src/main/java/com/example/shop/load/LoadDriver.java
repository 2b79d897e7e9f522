package com.example.shop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, bounded load generator for the sample shop: a few threads send a fixed mix of requests
 * to a loopback address for a set time, at most at a target rate, and print a progress line.
 *
 * <pre>
 * java -cp sample-app/target/classes com.example.shop.load.LoadDriver [--port 8080] [--seconds 30]
 *      [--threads 4] [--rate 200] [--wait-ready 60]
 * </pre>
 * Only 127.0.0.1 is ever contacted. Exit code 0, or 1 if the service never answered.
 */
public final class LoadDriver {

    /**
     * The mix, sent in turn: price ids vary so the route template is exercised; the slow endpoint is
     * rare, so the CPU-bound pricing dominates self time, as in a service whose hot spot is code.
     * The catalog runs SQL (one look-up by id, IN lists of one or two categories) and restock calls
     * the supplier over HTTP, so statements and outbound calls rank beside the methods.
     */
    private static final List<String> MIX = List.of(
            "/api/ping", "/api/price/%d", "/api/report", "/api/price/%d", "/api/flaky",
            "/api/ping", "/api/price/%d", "/api/report", "/api/flaky", "/api/price/%d",
            "/api/ping", "/api/price/%d", "/api/report", "/api/flaky", "/api/price/%d",
            "/api/ping", "/api/slow", "/api/report", "/api/flaky", "/api/ping",
            "/api/products/%d", "/api/products?category=tools,garden", "/api/restock/%d",
            "/api/products?category=books", "/api/products/%d", "/api/restock/%d");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private LoadDriver(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int port = intOption(args, "--port", 8080);
        int seconds = intOption(args, "--seconds", 30);
        int threads = intOption(args, "--threads", 4);
        int rate = intOption(args, "--rate", 200);
        int waitReady = intOption(args, "--wait-ready", 60);
        LoadDriver driver = new LoadDriver(port);
        if (!driver.awaitReady(Duration.ofSeconds(waitReady))) {
            System.err.println("load: the service on 127.0.0.1:" + port + " did not answer within " + waitReady + " s");
            System.exit(1);
        }
        driver.run(Duration.ofSeconds(seconds), threads, rate);
    }

    private boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("/api/ping") == 200) {
                    return true;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private void run(Duration duration, int threads, int ratePerSecond) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long intervalNanos = 1_000_000_000L * threads / Math.max(1, ratePerSecond);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            pool.execute(() -> drive(end, intervalNanos, offset));
        }
        pool.shutdown();
        long started = System.nanoTime();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "\rload: %3.0f/%d s  %6d requests  %4d failed  %5.0f req/s",
                    elapsed, duration.getSeconds(), sent.get(), failed.get(), sent.get() / Math.max(elapsed, 0.001));
            System.out.flush();
        }
        System.out.printf(Locale.ROOT, "%nload: done, %d requests (%d answered 5xx or failed)%n", sent.get(), failed.get());
    }

    private void drive(long end, long intervalNanos, int offset) {
        long next = System.nanoTime();
        for (long i = offset; System.nanoTime() < end; i++) {
            String path = String.format(Locale.ROOT, MIX.get((int) (i % MIX.size())), i % 100);
            try {
                if (send(path) >= 500) {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            sent.incrementAndGet();
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
        }
    }

    private int send(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
