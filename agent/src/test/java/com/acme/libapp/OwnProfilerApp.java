package com.acme.libapp;

import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * An application that profiles itself with its own async-profiler (ap-loader on its class path, in
 * another version than sonde's): it starts a cpu profile, burns CPU in {@code work} for a while,
 * stops, and counts the samples of {@code work} in its own file. Argument: that file.
 */
public final class OwnProfilerApp {

    public static final int WORK_CALLS = 300;

    private OwnProfilerApp() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]).toAbsolutePath();
        String location = String.valueOf(AsyncProfilerLoader.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("async-profiler " + location.substring(location.lastIndexOf('/') + 1));
        AsyncProfiler profiler = AsyncProfilerLoader.load();
        System.out.println("version " + profiler.execute("version").trim());
        try {
            profiler.execute("start,event=cpu,interval=1ms");
            System.out.println("app profile started");
        } catch (IllegalStateException e) {
            System.out.println("app profile not started: " + e.getMessage());
        }
        long sum = 0;
        for (int i = 0; i < WORK_CALLS; i++) {
            sum += work(i);
        }
        try {
            profiler.execute("stop,file=" + file + ",collapsed");
            System.out.println("app profile stopped");
        } catch (IllegalStateException e) {
            System.out.println("app profile not stopped: " + e.getMessage());
        }
        long samples = Files.exists(file)
                ? Files.readAllLines(file).stream().filter(l -> l.contains("OwnProfilerApp.work")).count() : 0;
        System.out.println("app samples of work " + (samples > 0 ? "present" : "absent") + " " + (sum != 0));
    }

    /** About 5 ms of CPU. */
    public static long work(int i) {
        long end = System.nanoTime() + 5_000_000;
        long x = i;
        while (System.nanoTime() < end) {
            x = x * 31 + 7;
        }
        return x;
    }
}
