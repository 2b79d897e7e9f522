package com.acme.testapp;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps sonde writing reports, as fast as it can, until it is killed: generates {@code classes} x
 * {@code methods} methods (package com.acme.generated, so reports are large and take a while to
 * write), calls them all in a loop on one thread, and asks sonde's MBean for on-demand reports in
 * a loop on as many other threads as asked, all at once. Prints {@code writing} after the first
 * report and {@code dumps <n>} at the end. Ends by itself after {@code seconds} at the latest, so
 * a failed test leaves nothing behind.
 *
 * <p>Arguments: classes, methods, dumper threads, dumps per thread (0: until the end), seconds.
 * With a bounded number of dumps, prints each file the MBean named, one line {@code file <path>}.
 */
public final class ReportWritingApp {

    private static volatile boolean running = true;

    private ReportWritingApp() {
    }

    public static void main(String[] args) throws Exception {
        int classes = Integer.parseInt(args[0]);
        int methods = Integer.parseInt(args[1]);
        int dumpers = Integer.parseInt(args[2]);
        int dumpsEach = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        List<Object> instances = new ArrayList<>();
        List<Method> calls = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            var builder = new ByteBuddy().subclass(Object.class).name("com.acme.generated.Written" + c);
            for (int m = 0; m < methods; m++) {
                builder = builder.defineMethod("m" + m, int.class, Visibility.PUBLIC).intercept(FixedValue.value(m));
            }
            Class<?> type = builder.make()
                    .load(ReportWritingApp.class.getClassLoader(), ClassLoadingStrategy.Default.INJECTION).getLoaded();
            Object instance = type.getDeclaredConstructor().newInstance();
            for (Method method : type.getDeclaredMethods()) {
                instances.add(instance);
                calls.add(method);
            }
        }
        Thread caller = new Thread(() -> {
            while (running) {
                for (int i = 0; i < calls.size(); i++) {
                    try {
                        calls.get(i).invoke(instances.get(i));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }, "caller");
        caller.setDaemon(true);
        caller.start();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName sonde = new ObjectName("dev.sonde:type=Agent");
        while (!server.isRegistered(sonde)) {
            Thread.sleep(20);
        }
        List<Thread> threads = new ArrayList<>();
        List<String> files = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < dumpers; t++) {
            Thread dumper = new Thread(() -> {
                for (int n = 0; (dumpsEach == 0 || n < dumpsEach) && System.nanoTime() < deadline; n++) {
                    try {
                        String file = (String) server.invoke(sonde, "dump", new Object[0], new String[0]);
                        files.add(file);
                        if (files.size() == 1) {
                            System.out.println("writing");
                        }
                    } catch (InstanceNotFoundException e) {
                        return;
                    } catch (Exception e) {
                        System.out.println("dump failed: " + e);
                    }
                }
            }, "dumper-" + t);
            threads.add(dumper);
            dumper.start();
        }
        for (Thread dumper : threads) {
            dumper.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        running = false;
        if (dumpsEach > 0) {
            files.forEach(file -> System.out.println("file " + file));
        }
        System.out.println("dumps " + files.size());
    }
}
