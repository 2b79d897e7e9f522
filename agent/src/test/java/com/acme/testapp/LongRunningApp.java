package com.acme.testapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A service that keeps working until told to stop, for tests that attach to a running JVM.
 *
 * <ul>
 *   <li>A background thread calls {@link OrderService#checksum} in a loop, a few thousand times a
 *       second.</li>
 *   <li>A file {@code burst-<n>} (n = 1, 2, ...) in the control directory (first argument) makes the
 *       main thread call {@link OrderService#place(long)} and {@link PaymentService#charge} exactly
 *       {@link #BURST_CALLS} times each; {@code burst-<n>.done} appears when they are done.</li>
 *   <li>A file {@code stop} ends the loop and the program (exit 0). It also ends by itself after the
 *       number of seconds in the second argument (default 120), so a failed test leaves nothing behind.</li>
 * </ul>
 * Prints {@code ready} once the loop runs.
 */
public final class LongRunningApp {

    public static final int BURST_CALLS = 500;

    private static volatile boolean running = true;

    private LongRunningApp() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Paths.get(args[0]);
        long lifetimeNanos = TimeUnit.SECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 120);
        long deadline = System.nanoTime() + lifetimeNanos;
        Thread loop = new Thread(LongRunningApp::loop, "checksum-loop");
        loop.start();
        OrderService orders = new OrderService();
        PaymentService payments = new PaymentService();
        System.out.println("ready");
        int burst = 1;
        while (!Files.exists(control.resolve("stop")) && System.nanoTime() < deadline) {
            if (Files.exists(control.resolve("burst-" + burst))) {
                long sum = 0;
                for (int i = 0; i < BURST_CALLS; i++) {
                    sum += orders.place(i) + payments.charge(i);
                }
                Files.writeString(control.resolve("burst-" + burst + ".done"), String.valueOf(sum));
                burst++;
            } else {
                Thread.sleep(5);
            }
        }
        running = false;
        loop.join();
        System.out.println("stopped after " + (burst - 1) + " bursts");
    }

    private static void loop() {
        long sum = 0;
        for (int i = 0; running; i++) {
            sum += OrderService.checksum(i);
            LockSupport.parkNanos(100_000);
        }
        if (sum == 42) {
            System.out.println("unlikely");
        }
    }
}
