package dev.sonde.bench.export;

import bench.export.TimedCall;
import bench.jdbc.FakeConnection;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The JVM {@link ScrapeCost} starts under sonde. Arguments: the Prometheus port (0: export off),
 * the number of operations and calls per operation; optionally the number of scrapes measured per
 * format and state (default 8) and the formats, comma-separated (default {@code text,openmetrics,protobuf}).
 *
 * <p>First it times {@link TimedCall#call} (ns per call, best of rounds), the same with the export
 * off or on. Then, with the export on, it makes the operations: SQL statements of a fake driver,
 * each with its own typical duration (2 µs to 20 ms, log-uniform) and allocation, its calls spread
 * lognormally around them (sigma 1, so each spans about two decades), on 64 threads. Then it
 * scrapes its own {@code /metrics} in each format and prints the CPU time of sonde's scrape
 * thread per scrape: "idle" when nothing was called between scrapes, "busy" when every operation
 * was called once more before each (nothing can be reused).
 */
public final class ScrapeWorkload {

    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";
    private static final Map<String, String> FORMATS = Map.of("text", TEXT, "openmetrics", OPENMETRICS, "protobuf", PROTOBUF);

    private ScrapeWorkload() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int operations = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        int scrapes = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        List<String> formats = List.of((args.length > 4 ? args[4] : "text,openmetrics,protobuf").split(","));
        System.out.printf(java.util.Locale.ROOT, "hot-path %.2f ns/call%n", timedCallNanos());
        if (port == 0) {
            return;
        }
        Connection connection = new FakeConnection();
        Random random = new Random(42);
        double[] medians = new double[operations];
        int[] bytes = new int[operations];
        for (int op = 0; op < operations; op++) {
            medians[op] = Math.exp(Math.log(2_000) + random.nextDouble() * Math.log(10_000));
            bytes[op] = random.nextInt(4) == 0 ? 0 : 64 << random.nextInt(10);
        }
        long start = System.nanoTime();
        callAll(connection, medians, bytes, calls);
        System.out.printf(java.util.Locale.ROOT, "made %d operations x %d calls in %.1f s%n", operations, calls, (System.nanoTime() - start) / 1e9);
        for (String name : formats) {
            String format = FORMATS.get(name);
            scrape(port, format, 2, null);
            System.out.println("scrape " + name + " idle " + scrape(port, format, scrapes, null));
            System.out.println("scrape " + name + " busy " + scrape(port, format, scrapes,
                    () -> callAll(connection, medians, bytes, 1)));
        }
    }

    private static double timedCallNanos() {
        TimedCall target = new TimedCall();
        long sum = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            int n = 5_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += target.call(i);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        if (sum == 42) {
            System.out.println();
        }
        return best;
    }

    private static void callAll(Connection connection, double[] medians, int[] bytes, int calls) {
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int first = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(first);
                    try (Statement statement = connection.createStatement()) {
                        for (int op = first; op < medians.length; op += 64) {
                            for (int c = 0; c < calls; c++) {
                                long nanos = (long) (medians[op] * Math.exp(random.nextGaussian()));
                                statement.executeQuery("/*work " + nanos + " " + bytes[op] + "*/ SELECT v FROM t" + op
                                        + " WHERE id = 1");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdown();
        }
    }

    /** Scrapes {@code times} times; returns the median and the lowest CPU ms of sonde's scrape thread, and the size. */
    private static String scrape(int port, String format, int times, Runnable between) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] cpu = new long[times];
        long size = 0;
        for (int i = 0; i < times; i++) {
            if (between != null) {
                between.run();
            }
            long thread = scrapeThread();
            long before = thread < 0 ? 0 : threads.getThreadCpuTime(thread);
            size = get(port, format);
            thread = scrapeThread();
            cpu[i] = threads.getThreadCpuTime(thread) - before;
        }
        Arrays.sort(cpu);
        return String.format(java.util.Locale.ROOT, "cpu-ms median %.1f min %.1f max %.1f size %.1f MB", cpu[times / 2] / 1e6, cpu[0] / 1e6,
                cpu[times - 1] / 1e6, size / 1e6);
    }

    private static long scrapeThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("sonde-prometheus")) {
                return thread.getId();
            }
        }
        return -1;
    }

    private static long get(int port, String format) throws Exception {
        HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
        http.setRequestProperty("Accept", format);
        // As Prometheus asks: the compression is part of what a scrape costs.
        http.setRequestProperty("Accept-Encoding", "gzip");
        long size = 0;
        try (InputStream in = http.getInputStream()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        if (http.getResponseCode() != 200) {
            throw new IllegalStateException("scrape answered " + http.getResponseCode());
        }
        return size;
    }

}
