package com.acme.testapp;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Calls a timed method from many threads, then prints how many threads sonde keeps buffers for
 * (read from its JMX MBean, as any JMX client would):
 * <ul>
 *   <li>{@code platform N}: N platform threads, one after another, each ending (thread-pool churn);
 *       read a few seconds after the last one ended.</li>
 *   <li>{@code virtual N}: N virtual threads (JDK 21+), all alive and parked while it is read.</li>
 * </ul>
 */
public final class ThreadChurnApp {

    private ThreadChurnApp() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[1]);
        if (args[0].equals("platform")) {
            platform(threads);
        } else {
            virtual(threads);
        }
    }

    private static void platform(int threads) throws Exception {
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> step(1));
            thread.start();
            thread.join();
        }
        Thread.sleep(2_500);
        System.out.println("threads-with-buffers " + threadsWithBuffers());
    }

    private static void virtual(int threads) throws Exception {
        ExecutorService executor = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        CountDownLatch recorded = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            executor.submit(() -> {
                step(1);
                recorded.countDown();
                release.await();
                return null;
            });
        }
        recorded.await();
        System.out.println("threads-with-buffers " + threadsWithBuffers());
        release.countDown();
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.MINUTES);
    }

    public static long step(long n) {
        return n + 1;
    }

    /** Polls until sonde's MBean is registered (it registers a second after start). */
    private static Object threadsWithBuffers() throws Exception {
        ObjectName name = new ObjectName("dev.sonde:type=Agent");
        for (int attempt = 0; attempt < 100; attempt++) {
            if (ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                return ManagementFactory.getPlatformMBeanServer().getAttribute(name, "ThreadsWithBuffers");
            }
            Thread.sleep(100);
        }
        return "unregistered";
    }
}
