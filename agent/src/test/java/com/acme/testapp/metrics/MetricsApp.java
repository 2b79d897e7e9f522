package com.acme.testapp.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.locks.LockSupport;

/**
 * Known calls for the Prometheus test: {@link Latencies#spread} {@value #SPREAD} times (50 µs to
 * 2 ms), {@link Latencies#slow} {@value #SLOW} times (10 to 14 ms), {@link Latencies#failing}
 * {@value #FAILING} times, every third one throwing. Then prints "calls done" and stays up, idle,
 * until the file named by its argument exists, so that scrapes see the final figures.
 */
public final class MetricsApp {

    public static final int SPREAD = 400;
    public static final int SLOW = 40;
    public static final int FAILING = 60;

    private MetricsApp() {
    }

    public static void main(String[] args) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < SPREAD; i++) {
            latencies.spread(i);
        }
        for (int i = 0; i < SLOW; i++) {
            latencies.slow(i);
        }
        int failed = 0;
        for (int i = 0; i < FAILING; i++) {
            try {
                latencies.failing(i);
            } catch (IllegalStateException e) {
                failed++;
            }
        }
        System.out.println("calls done; failed " + failed);
        Path stop = Paths.get(args[0]);
        while (!Files.exists(stop)) {
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** The timed methods. */
    public static final class Latencies {

        void spread(int i) {
            LockSupport.parkNanos((i % 40 + 1) * 50_000L);
        }

        void slow(int i) {
            LockSupport.parkNanos((10 + i % 5) * 1_000_000L);
        }

        void failing(int i) {
            LockSupport.parkNanos(100_000);
            if (i % 3 == 0) {
                throw new IllegalStateException("call " + i);
            }
        }
    }
}
