package dev.sonde.bench.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load client for the sample shop on 127.0.0.1, bounded in time: the request mix of the sample
 * app's LoadDriver, sent either at a fixed rate (open loop: a request's latency counts from the
 * time it was due, so a stalled server is not hidden by a waiting client) or as fast as a few
 * threads can (closed loop: each thread sends its next request when the last one is answered).
 */
final class HttpLoad {

    /** The mix of com.example.shop.load.LoadDriver: each entry in turn; price ids vary. */
    private static final List<String> MIX = List.of(
            "/api/ping", "/api/price/%d", "/api/ping", "/api/report", "/api/price/%d", "/api/flaky",
            "/api/slow", "/api/price/%d", "/api/ping", "/api/flaky");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    HttpLoad(int port) {
        this.port = port;
    }

    /** {@code ratePerSecond} requests per second in total, spread over {@code threads}, for {@code duration}. */
    LoadResult fixedRate(int ratePerSecond, int threads, Duration duration) throws InterruptedException {
        long intervalNanos = 1_000_000_000L * threads / ratePerSecond;
        return run(threads, duration, intervalNanos);
    }

    /** {@code threads} closed loops for {@code duration}. */
    LoadResult maxThroughput(int threads, Duration duration) throws InterruptedException {
        return run(threads, duration, 0);
    }

    /** Sends {@code path} once; the HTTP status, or -1 if there was no answer. */
    int status(String path, Duration timeout) {
        try {
            return client.send(request(path, timeout), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private LoadResult run(int threads, Duration duration, long intervalNanos) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        Worker[] workers = new Worker[threads];
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            // Staggered: with a fixed rate, the threads' due times interleave evenly.
            long firstDue = start + (intervalNanos == 0 ? 0 : intervalNanos * t / threads);
            workers[t] = new Worker(t, firstDue, end, intervalNanos, failures);
            running[t] = new Thread(workers[t], "load-" + t);
            running[t].start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = new long[0];
        for (Worker worker : workers) {
            latencies = concat(latencies, worker.latencies, worker.count);
        }
        return LoadResult.of(failures.get(), seconds, latencies);
    }

    private HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).GET().build();
    }

    private static long[] concat(long[] a, long[] b, int bCount) {
        long[] all = Arrays.copyOf(a, a.length + bCount);
        System.arraycopy(b, 0, all, a.length, bCount);
        return all;
    }

    /** One load thread: its own position in the mix and, with a fixed rate, its own schedule. */
    private final class Worker implements Runnable {
        private final int offset;
        private final long firstDue;
        private final long end;
        private final long intervalNanos;
        private final AtomicLong failures;
        private long[] latencies = new long[1024];
        private int count;

        Worker(int offset, long firstDue, long end, long intervalNanos, AtomicLong failures) {
            this.offset = offset;
            this.firstDue = firstDue;
            this.end = end;
            this.intervalNanos = intervalNanos;
            this.failures = failures;
        }

        @Override
        public void run() {
            long due = firstDue;
            for (long i = offset; ; i++) {
                for (long now = System.nanoTime(); intervalNanos > 0 && now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                long sent = intervalNanos > 0 ? due : System.nanoTime();
                if (sent >= end) {
                    return;
                }
                String path = String.format(Locale.ROOT, MIX.get((int) (i % MIX.size())), i % 100);
                if (status(path, Duration.ofSeconds(10)) < 0) {
                    failures.incrementAndGet();
                } else {
                    record(System.nanoTime() - sent);
                }
                due += intervalNanos;
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
