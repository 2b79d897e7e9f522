package com.acme.loading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Many threads load and initialise many classes at once, in several class loaders, while an agent
 * may transform them. The classes are of every class-file version this JVM runs (Java 8, 11, 17,
 * 25): some written with ASM per release; one per release compiled from {@link #source} by the
 * JDK's own {@code javac --release N} (lambda, nested class, string concatenation, and a record
 * from 17 on; the test compiles them into {@code <dir>/<release>/}); and two with a very large
 * {@code work} method (54 KB and 65.5 KB of code; the limit is 64 KiB). Every thread calls every
 * class's {@code work} once in every loader, and checks the result. Arguments: threads, loaders,
 * ASM classes per release, the compiled classes' directory.
 */
public final class ParallelLoadingApp {

    public static final int[] RELEASES = {8, 11, 17, 25};
    public static final String PACKAGE = "com.acme.loading.gen.";
    public static final int FITTING_BLOCKS = 2_000;
    public static final int LIMIT_BLOCKS = 2_425;
    public static final String FITTING = PACKAGE + "large.LargeMethod54k";
    public static final String AT_LIMIT = PACKAGE + "large.LargeMethod65k";

    private ParallelLoadingApp() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int loaderCount = Integer.parseInt(args[1]);
        int perRelease = Integer.parseInt(args[2]);
        Path compiledRoot = Paths.get(args[3]);
        Watchdog watchdog = Watchdog.start(60);

        long began = System.nanoTime();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, LongUnaryOperator> expected = new LinkedHashMap<>();
        for (int release : RELEASES) {
            if (release > Runtime.version().feature()) {
                continue;
            }
            for (int i = 0; i < perRelease; i++) {
                String name = PACKAGE + "asm.Java" + release + "Class" + i;
                long seed = release * 1_000L + i;
                classes.put(name, ClassFiles.simple(name, release, seed));
                expected.put(name, x -> ClassFiles.simpleResult(x, seed));
            }
            String compiled = compiledClassName(release);
            classes.putAll(compiledClasses(compiledRoot.resolve(String.valueOf(release)), release));
            expected.put(compiled, x -> javacResult(x, release));
        }
        classes.put(FITTING, ClassFiles.large(FITTING, 17, FITTING_BLOCKS));
        expected.put(FITTING, x -> ClassFiles.largeResult(x, FITTING_BLOCKS));
        classes.put(AT_LIMIT, ClassFiles.large(AT_LIMIT, 17, LIMIT_BLOCKS));
        expected.put(AT_LIMIT, x -> ClassFiles.largeResult(x, LIMIT_BLOCKS));
        System.out.println("releases " + releasesRun() + " generated and read in ms " + (System.nanoTime() - began) / 1_000_000);
        System.out.println("classes " + expected.size() + " loaders " + loaderCount + " threads " + threads);

        List<ClassLoader> loaders = new ArrayList<>();
        for (int l = 0; l < loaderCount; l++) {
            loaders.add(new GeneratedClassLoader("generated-" + l, classes, ParallelLoadingApp.class.getClassLoader()));
        }
        List<String> names = new ArrayList<>(expected.keySet());
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong calls = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                List<String> order = new ArrayList<>(names);
                Collections.shuffle(order, new Random(index));
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int l = 0; l < loaderCount; l++) {
                    ClassLoader loader = loaders.get((index + l) % loaderCount);
                    for (String name : order) {
                        try {
                            Class<?> type = Class.forName(name, true, loader);
                            MethodHandle work = MethodHandles.publicLookup()
                                    .findStatic(type, "work", MethodType.methodType(long.class, long.class));
                            long x = index * 7L + l;
                            long result = (long) work.invokeExact(x);
                            calls.incrementAndGet();
                            if (result != expected.get(name).applyAsLong(x)) {
                                fail(failures, name + " in " + loader.getName() + " returned " + result);
                            }
                        } catch (Throwable failure) {
                            fail(failures, name + " in " + loader.getName() + ": " + failure);
                        }
                    }
                }
            }, "loader-" + t);
            workers.add(worker);
            worker.start();
        }
        long parallel = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        watchdog.finished();
        System.out.println("parallel phase ms " + (System.nanoTime() - parallel) / 1_000_000);
        System.out.println("calls " + calls.get());
        System.out.println("failures " + failures.get());
    }

    private static void fail(AtomicInteger failures, String what) {
        if (failures.incrementAndGet() <= 20) {
            System.out.println("FAILED " + what);
        }
    }

    private static List<Integer> releasesRun() {
        List<Integer> run = new ArrayList<>();
        for (int release : RELEASES) {
            if (release <= Runtime.version().feature()) {
                run.add(release);
            }
        }
        return run;
    }

    /**
     * {@code work(x) = twice(x * 31 + release) + ("r" + x).length()}, through a lambda and a nested
     * class; from Java 17 on through a record as well.
     */
    public static String source(int release) {
        String simpleName = compiledClassName(release).substring(compiledClassName(release).lastIndexOf('.') + 1);
        String record = release >= 17
                ? "    record Pair(long a, long b) { long sum() { return a + b; } }\n"
                : "";
        String step = release >= 17 ? "new Pair(x * 31, " + release + ").sum()" : "x * 31 + " + release;
        return "package " + PACKAGE + "javac" + ";\n"
                + "public class " + simpleName + " {\n"
                + "    private static final java.util.function.LongUnaryOperator STEP = x -> " + step + ";\n"
                + "    public static long work(long x) {\n"
                + "        String text = \"r\" + x;\n"
                + "        return Inner.twice(STEP.applyAsLong(x)) + text.length();\n"
                + "    }\n"
                + "    static final class Inner { static long twice(long x) { return x + x; } }\n"
                + record
                + "}\n";
    }

    private static long javacResult(long x, int release) {
        return 2 * (x * 31 + release) + ("r" + x).length();
    }

    public static String compiledClassName(int release) {
        return PACKAGE + "javac.Java" + release + "Source";
    }

    /** The class files {@code javac --release N} wrote under {@code directory}, checked to be of that release. */
    private static Map<String, byte[]> compiledClasses(Path directory, int release) throws Exception {
        String className = compiledClassName(release);
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        Path packageDirectory = directory.resolve(className.substring(0, className.lastIndexOf('.')).replace('.', '/'));
        try (var files = Files.list(packageDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
                if (major != ClassFiles.major(release)) {
                    throw new IllegalStateException(file + " has class-file version " + major);
                }
                compiled.put(className.substring(0, className.lastIndexOf('.') + 1) + name.substring(0, name.length() - 6), bytes);
            }
        }
        if (compiled.isEmpty()) {
            throw new IllegalStateException("no class files in " + packageDirectory);
        }
        return compiled;
    }
}
