package dev.sonde.bench.memory;

import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The memory benchmark: runs {@link MemoryWorkload} in two forked JVMs, without and with sonde
 * (all recording on), and reports the heap sonde retains. Also a main for a run by hand and the
 * smoke run of the Maven build:
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.sonde.bench.memory.MemoryBenchmark --agent agent/target/sonde-agent.jar
 *      [--work DIR] [--threads 200] [--operations 200] [--calls 50] [--generations 3] [--smoke]
 * </pre>
 */
public final class MemoryBenchmark {

    /** The same fixed heap in both JVMs; large enough that the heap size never limits sonde. */
    private static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");
    private static final Pattern POINT = Pattern.compile("^memory (\\S+) (\\d+)$");
    private static final Pattern OPERATION_NAME = Pattern.compile(
            "\"name\"\\s*:\\s*\"" + Pattern.quote(OperationsSource.CLASS_NAME) + "#m\\d+\"");

    private MemoryBenchmark() {
    }

    public static MemoryResult compare(Jdk jdk, Path agentJar, Path work, int threads, int operations, int calls,
                                       int generations) throws IOException, InterruptedException {
        Path classes = OperationsSource.compile(operations, work.resolve("operations"));
        List<String> args = List.of(classes.toString(), Integer.toString(threads), Integer.toString(operations),
                Integer.toString(calls), Integer.toString(generations));
        MemoryResult.Heap without = heap(ForkedJvm.on(jdk).jvmArgs(HEAP)
                .main(System.getProperty("java.class.path"), MemoryWorkload.class.getName()).args(args)
                .run(work.resolve("without-agent.log"), Duration.ofMinutes(10)));
        Path out = work.resolve("sonde-out");
        MemoryResult.Heap with = heap(ForkedJvm.on(jdk).jvmArgs(HEAP)
                .jvmArg("-javaagent:" + agentJar + "=include=" + OperationsSource.PATTERN + ",log=quiet,out=" + out)
                .main(System.getProperty("java.class.path"), MemoryWorkload.class.getName()).args(args)
                .run(work.resolve("with-agent.log"), Duration.ofMinutes(10)));
        long reported = operationsReported(out);
        if (reported != operations) {
            throw new IllegalStateException("sonde reported " + reported + " of the " + operations
                    + " operations; see " + out);
        }
        return new MemoryResult(without, with, threads, operations, calls, generations, reported);
    }

    private static MemoryResult.Heap heap(List<String> output) {
        Map<String, Long> points = new HashMap<>();
        for (String line : output) {
            Matcher matcher = POINT.matcher(line.trim());
            if (matcher.matches()) {
                points.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
        }
        for (String point : List.of("baseline", "live.first", "live.max", "churned")) {
            if (!points.containsKey(point)) {
                throw new IllegalStateException("the memory workload printed no '" + point + "' line");
            }
        }
        List<Long> byGeneration = new ArrayList<>();
        for (int generation = 1; points.containsKey("live." + generation); generation++) {
            byGeneration.add(points.get("live." + generation));
        }
        return new MemoryResult.Heap(points.get("baseline"), points.get("live.first"), points.get("live.max"),
                points.get("churned"), byGeneration);
    }

    /** Operations of the generated class in sonde's shutdown report(s). */
    private static long operationsReported(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> files = Files.list(out)) {
            for (Path report : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("sonde-report-"))::iterator) {
                count += OPERATION_NAME.matcher(Files.readString(report, StandardCharsets.UTF_8)).results().count();
            }
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path agent = Paths.get(option(args, "--agent", "agent/target/sonde-agent.jar"));
        Path work = Paths.get(option(args, "--work", "bench/target/memory"));
        int threads = Integer.parseInt(option(args, "--threads", smoke ? "20" : "200"));
        int operations = Integer.parseInt(option(args, "--operations", "200"));
        int calls = Integer.parseInt(option(args, "--calls", smoke ? "5" : "50"));
        int generations = Integer.parseInt(option(args, "--generations", smoke ? "2" : "3"));
        if (!Files.isRegularFile(agent)) {
            System.err.println("memory: no agent jar at " + agent + " (--agent PATH)");
            System.exit(2);
        }
        MemoryResult result = compare(Jdk.current(), agent, work.resolve("memory-" + System.currentTimeMillis()),
                threads, operations, calls, generations);
        System.out.printf(Locale.ROOT, "memory: %d threads x %d operations (%d calls each, %d generations):"
                        + " sonde retains %.1f MiB with the first threads alive, %.1f MiB at most during churn,"
                        + " %.1f MiB after churn, %.1f MiB idle%n",
                threads, operations, calls, generations, mib(result.retainedLive()), mib(result.retainedPeak()),
                mib(result.retainedChurned()), mib(result.retainedIdle()));
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
