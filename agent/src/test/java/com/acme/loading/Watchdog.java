package com.acme.loading;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Halts a test application that has not finished in time, after printing every thread's stack:
 * a deadlock then fails the test with the threads that are stuck, not with a bare timeout.
 */
public final class Watchdog {

    private final Thread thread;

    private Watchdog(long seconds) {
        thread = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(seconds);
            } catch (InterruptedException finished) {
                return;
            }
            StringBuilder dump = new StringBuilder("STUCK after " + seconds + " s; threads:\n");
            for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                dump.append(entry.getKey()).append(' ').append(entry.getKey().getState()).append('\n');
                for (StackTraceElement frame : entry.getValue()) {
                    dump.append("\tat ").append(frame).append('\n');
                }
            }
            System.out.println(dump);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        thread.setDaemon(true);
    }

    public static Watchdog start(long seconds) {
        Watchdog watchdog = new Watchdog(seconds);
        watchdog.thread.start();
        return watchdog;
    }

    public void finished() {
        thread.interrupt();
    }
}
