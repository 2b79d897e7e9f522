package dev.sonde.bench.jdbc;

import dev.sonde.bench.RunMode;
import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/run's SQL part: {@link JdbcCost} forked without the agent, with {@code jdbc=off} and with
 * {@code jdbc=on}, the three in turn, several rounds, on each JDK. The target: recording a statement
 * sonde has seen before adds at most 1 µs to its execution and allocates nothing.
 */
public final class JdbcBenchmark {

    private static final Pattern LINE = Pattern.compile("^(prepared|plain text)\\s+([0-9.]+) ns/execution\\s+([0-9.]+) B/execution$");
    private static final String[] VARIANTS = {"no agent", "jdbc=off", "jdbc=on"};

    private final List<Jdk> jdks;
    private final Path agent;
    private final Path work;
    private final RunMode mode;
    private final Consumer<String> progress;

    public JdbcBenchmark(List<Jdk> jdks, Path agent, Path work, RunMode mode, Consumer<String> progress) {
        this.jdks = jdks;
        this.agent = agent;
        this.work = work;
        this.mode = mode;
        this.progress = progress;
    }

    public List<JdbcResult> run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<JdbcResult> results = new ArrayList<>();
        for (Jdk jdk : jdks) {
            results.addAll(runOn(jdk));
        }
        return results;
    }

    private List<JdbcResult> runOn(Jdk jdk) throws IOException, InterruptedException {
        // statement -> variant -> one figure per fork
        Map<String, Map<String, List<Double>>> nanos = new LinkedHashMap<>();
        Map<String, Double> bytesWithJdbc = new LinkedHashMap<>();
        int rounds = rounds(mode);
        for (int round = 1; round <= rounds; round++) {
            for (String variant : VARIANTS) {
                progress.accept(String.format(Locale.ROOT, "sql: %s, %s, round %d of %d", jdk.label(), variant, round, rounds));
                Path log = work.resolve(jdk.label() + "-" + variant.replace(' ', '-').replace('=', '-') + "-" + round + ".log");
                for (String line : fork(jdk, variant).run(log, Duration.ofMinutes(5))) {
                    Matcher figures = LINE.matcher(line.trim());
                    if (figures.matches()) {
                        String statement = figures.group(1);
                        nanos.computeIfAbsent(statement, s -> new LinkedHashMap<>())
                                .computeIfAbsent(variant, v -> new ArrayList<>()).add(Double.parseDouble(figures.group(2)));
                        if (variant.equals("jdbc=on")) {
                            bytesWithJdbc.merge(statement, Double.parseDouble(figures.group(3)), Math::max);
                        }
                    }
                }
            }
        }
        List<JdbcResult> results = new ArrayList<>();
        nanos.forEach((statement, byVariant) -> results.add(new JdbcResult(jdk, statement,
                median(byVariant.get("no agent")), median(byVariant.get("jdbc=off")),
                median(byVariant.get("jdbc=on")), bytesWithJdbc.get(statement), rounds)));
        if (results.size() != 2) {
            throw new IOException("JdbcCost printed no figures on " + jdk.label() + "; see the logs in " + work);
        }
        return results;
    }

    private static double median(List<Double> forks) {
        return AppResult.median(forks.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private ForkedJvm fork(Jdk jdk, String variant) {
        ForkedJvm jvm = ForkedJvm.on(jdk).jvmArgs(List.of("-Xms256m", "-Xmx256m"));
        if (!variant.equals("no agent")) {
            jvm.jvmArg("-javaagent:" + agent + "=" + variant + ",out=" + work.resolve("reports"));
        }
        return jvm.main(benchmarksJar(), JdbcCost.class.getName())
                .args(List.of(String.valueOf(mode == RunMode.TRIAL ? 200_000 : 10_000_000)));
    }

    private static int rounds(RunMode mode) {
        return mode == RunMode.TRIAL ? 1 : mode == RunMode.FULL ? 5 : 2;
    }

    /** The jar this class runs from: bench/run starts it from bench/target/benchmarks.jar. */
    private static String benchmarksJar() {
        try {
            return Path.of(JdbcBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
