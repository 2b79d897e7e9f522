package com.acme.loading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads load and initialise {@link #CLASSES} classes from one parallel-capable class loader,
 * in opposite orders, while their static initialisers call each other: the classes come in pairs
 * whose {@code <clinit>}s call one another ({@code C2k <-> C2k+1}), and each also calls the first
 * class of the pair before ({@code C2k-2}). Both threads enter a pair through its first class, so
 * the application itself cannot deadlock (every thread takes the initialisation locks in the same
 * order); an agent that loads or locks at the wrong moment could. The classes implement a
 * generated interface {@code Step}, so selecting them by {@code +Step} makes the agent resolve
 * their hierarchy while they are being defined. Repeated {@code rounds} times with a fresh loader.
 * Afterwards each thread calls every class's {@code work} once.
 */
public final class LoaderStressApp {

    public static final int CLASSES = 200;
    public static final String PACKAGE = "com.acme.loading.cycle.";
    public static final String STEP = PACKAGE + "Step";

    private LoaderStressApp() {
    }

    public static String name(int index) {
        return PACKAGE + "C" + index;
    }

    /** How often one round calls {@code C<index>.work}: from the static initialisers, and once per thread. */
    public static long callsPerRound(int index, int threads) {
        boolean firstOfPair = index % 2 == 0;
        long fromNextPair = firstOfPair && index + 2 < CLASSES ? 2 : 0;
        return 1 + fromNextPair + threads;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Watchdog watchdog = Watchdog.start(60);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put(STEP, ClassFiles.stepInterface(STEP, 17));
        for (int i = 0; i < CLASSES; i++) {
            int first = i - i % 2;
            String partner = name(i % 2 == 0 ? i + 1 : i - 1);
            String previous = first >= 2 ? name(first - 2) : null;
            classes.put(name(i), ClassFiles.crossInitialised(name(i), STEP, 17, i, partner, previous));
        }
        AtomicInteger failures = new AtomicInteger();
        long began = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            ClassLoader loader = new GeneratedClassLoader("round-" + round, classes, LoaderStressApp.class.getClassLoader());
            CountDownLatch start = new CountDownLatch(1);
            Thread ascending = new Thread(() -> initialiseAndCall(loader, start, true, failures), "ascending-" + round);
            Thread descending = new Thread(() -> initialiseAndCall(loader, start, false, failures), "descending-" + round);
            ascending.start();
            descending.start();
            start.countDown();
            ascending.join();
            descending.join();
        }
        watchdog.finished();
        System.out.println("rounds " + rounds + " classes " + CLASSES + " in ms " + (System.nanoTime() - began) / 1_000_000);
        System.out.println("failures " + failures.get());
    }

    private static void initialiseAndCall(ClassLoader loader, CountDownLatch start, boolean ascending,
                                          AtomicInteger failures) {
        try {
            start.await();
            List<Integer> pairs = new ArrayList<>();
            for (int first = 0; first < CLASSES; first += 2) {
                pairs.add(ascending ? first : CLASSES - 2 - first);
            }
            for (int first : pairs) {
                Class.forName(name(first), true, loader);
                Class.forName(name(first + 1), true, loader);
            }
            for (int i = 0; i < CLASSES; i++) {
                Class<?> type = Class.forName(name(i), false, loader);
                MethodHandle work = MethodHandles.publicLookup()
                        .findStatic(type, "work", MethodType.methodType(long.class, long.class));
                long result = (long) work.invokeExact(1L);
                Object step = type.getDeclaredConstructor().newInstance();
                if (result != 1 + i || !loader.loadClass(STEP).isInstance(step)) {
                    report(failures, name(i) + " returned " + result);
                }
            }
        } catch (Throwable failure) {
            report(failures, Thread.currentThread().getName() + ": " + failure);
        }
    }

    private static void report(AtomicInteger failures, String what) {
        if (failures.incrementAndGet() <= 20) {
            System.out.println("FAILED " + what);
        }
    }
}
