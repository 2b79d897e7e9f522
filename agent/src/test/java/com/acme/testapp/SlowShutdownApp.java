package com.acme.testapp;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A service whose shutdown takes a while and asks sonde for reports meanwhile, for the tests of
 * {@code dump} during shutdown. A thread calls {@link OrderService#place} in a loop; {@code ready}
 * is printed once sonde's MBean is there. When a file {@code stop} appears in the control directory
 * (first argument), the program calls {@code System.exit(3)}. Its shutdown hook then asks sonde's
 * MBean for {@link #HOOK_DUMPS} reports (printing {@code hook dump <file>} or {@code hook dump
 * refused: <message>} for each), and sleeps the milliseconds of the second argument, during which
 * commands from outside find the JVM shutting down. Ends by itself after a minute.
 */
public final class SlowShutdownApp {

    public static final int HOOK_DUMPS = 3;
    public static final int EXIT_CODE = 3;

    private static volatile boolean running = true;

    private SlowShutdownApp() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Paths.get(args[0]);
        long hookMillis = Long.parseLong(args[1]);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName sonde = new ObjectName("dev.sonde:type=Agent");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running = false;
            for (int i = 0; i < HOOK_DUMPS; i++) {
                try {
                    System.out.println("hook dump " + server.invoke(sonde, "dump", new Object[0], new String[0]));
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    System.out.println("hook dump refused: " + cause.getMessage());
                }
            }
            try {
                Thread.sleep(hookMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("hook done");
        }, "app-shutdown"));
        Thread loop = new Thread(() -> {
            OrderService orders = new OrderService();
            long sum = 0;
            for (long i = 0; running; i++) {
                sum += orders.place(i);
            }
            if (sum == 42) {
                System.out.println("unlikely");
            }
        }, "placing");
        loop.setDaemon(true);
        loop.start();
        while (!server.isRegistered(sonde)) {
            Thread.sleep(20);
        }
        System.out.println("ready");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(control.resolve("stop")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        System.exit(EXIT_CODE);
    }
}
