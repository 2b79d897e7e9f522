package com.acme.testapp.jmx;

import com.acme.testapp.OrderService;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Starts the way an application server does: some seconds in (the first argument, in ms), it names
 * its own {@code java.util.logging} LogManager and MBean server builder, then logs and creates the
 * platform MBean server, and prints which of the two it got. It then works until a file
 * {@code stop} appears in the directory of the second argument (or 60 s pass).
 */
public final class LateManagementApp {

    private LateManagementApp() {
    }

    public static void main(String[] args) throws Exception {
        long startMillis = Long.parseLong(args[0]);
        Path control = Paths.get(args[1]);
        OrderService orders = new OrderService();
        long busyUntil = System.nanoTime() + startMillis * 1_000_000;
        long sum = 0;
        while (System.nanoTime() < busyUntil) {
            sum += orders.place(sum);
            Thread.sleep(1);
        }
        System.setProperty("java.util.logging.manager", OwnLogManager.class.getName());
        System.setProperty("javax.management.builder.initial", OwnMBeanServerBuilder.class.getName());
        Logger.getLogger(LateManagementApp.class.getName()).fine("started");
        System.out.println("log manager " + LogManager.getLogManager().getClass().getName());
        ManagementFactory.getPlatformMBeanServer();
        System.out.println("own MBean server builder used " + OwnMBeanServerBuilder.used);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(control.resolve("stop")) && System.nanoTime() < deadline) {
            sum += orders.place(sum);
            Thread.sleep(5);
        }
        System.out.println("stopped " + (sum != 42));
    }
}
