package dev.sonde.bench;

import dev.sonde.bench.app.AppBenchmark;
import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.app.StartupBenchmark;
import dev.sonde.bench.app.StartupResult;
import dev.sonde.bench.jdbc.JdbcBenchmark;
import dev.sonde.bench.jdbc.JdbcResult;
import dev.sonde.bench.doc.BenchRecord;
import dev.sonde.bench.doc.ConsoleReportWriter;
import dev.sonde.bench.doc.MarkdownReportWriter;
import dev.sonde.bench.export.ScrapeBenchmark;
import dev.sonde.bench.export.ScrapeResult;
import dev.sonde.bench.jvm.Jdk;
import dev.sonde.bench.jvm.Machine;
import dev.sonde.bench.memory.MemoryBenchmark;
import dev.sonde.bench.memory.MemoryResult;
import dev.sonde.bench.overhead.OverheadResult;
import dev.sonde.bench.overhead.OverheadSuite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What bench/run runs: the overhead benchmark (JMH) on each JDK, the memory benchmark, the
 * application benchmark, the start-up benchmark, the SQL benchmark and the Prometheus scrape
 * benchmark, in that order and in one go; then prints the tables and writes
 * docs/performance.md. A part that fails is reported as failed; the others still run.
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.sonde.bench.BenchRun [--full | --trial]
 *      [--only overhead,memory,app,startup,sql,scrape] [--second-jdk DIR] [--command TEXT]
 * </pre>
 * Paths are relative to the repository root (the working directory).
 */
public final class BenchRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> PARTS = List.of("overhead", "memory", "app", "startup", "sql", "scrape");

    private final RunMode mode;
    private final List<String> parts;
    private final List<Jdk> jdks;
    private final Path work;
    private final Path agent;
    private final Instant started = Instant.now();
    private final AtomicReference<Double> maxLoad = new AtomicReference<>(Machine.loadAverageOneMinute());

    private BenchRun(RunMode mode, List<String> parts, List<Jdk> jdks, Path work, Path agent) {
        this.mode = mode;
        this.parts = parts;
        this.jdks = jdks;
        this.work = work;
        this.agent = agent;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        RunMode mode = arguments.contains("--full") ? RunMode.FULL : arguments.contains("--trial") ? RunMode.TRIAL : RunMode.QUICK;
        List<String> parts = List.of(option(args, "--only", String.join(",", PARTS)).split(","));
        if (!PARTS.containsAll(parts)) {
            usage("--only takes a comma-separated subset of " + PARTS);
        }
        Path agentJar = Paths.get("agent/target/sonde-agent.jar");
        Path otelJar = Paths.get("bench/target/agents/opentelemetry-javaagent.jar");
        Path appJar = Paths.get("sample-app/target/sample-app.jar");
        Path startupAppJar = Paths.get("bench/startup-app/target/startup-app.jar");
        for (Path needed : List.of(agentJar, otelJar, appJar, startupAppJar)) {
            if (!Files.isRegularFile(needed)) {
                usage(needed + " is missing: build first (mvn -B -DskipTests package), or run bench/run");
            }
        }
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(Jdk.current());
        String second = option(args, "--second-jdk", "");
        if (!second.isEmpty()) {
            jdks.add(Jdk.at(Paths.get(second)));
        } else {
            Jdk.newestUnder(Paths.get("/usr/lib/jvm"), Jdk.current()).ifPresent(jdks::add);
        }
        Path work = Paths.get("bench/target/bench-results", STAMP.format(Instant.now())).toAbsolutePath();
        Files.createDirectories(work);
        // A copy: the agent may be rebuilt while the benchmarks run.
        Path agentCopy = Files.copy(agentJar, work.resolve("sonde-agent.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        checkIsAgent(agentCopy);

        BenchRun run = new BenchRun(mode, parts, jdks, work, agentCopy);
        String command = option(args, "--command", mode.flag());
        BenchRecord record = run.runAll(command, otelJar.toAbsolutePath(), appJar.toAbsolutePath(),
                startupAppJar.toAbsolutePath(), agentJar);
        new ConsoleReportWriter(System.out).write(record);
        String markdown = new MarkdownReportWriter().write(record);
        Files.writeString(work.resolve("performance.md"), markdown, StandardCharsets.UTF_8);
        if (mode.publishes() && parts.containsAll(PARTS)) {
            Files.writeString(Paths.get("docs/performance.md"), markdown, StandardCharsets.UTF_8);
            System.out.println("written: docs/performance.md (and " + work.resolve("performance.md") + "; logs in " + work + ")");
        } else {
            System.out.println("written: " + work.resolve("performance.md") + " (docs/performance.md is written only by a"
                    + " quick or full run of every part); logs in " + work);
        }
        System.exit(record.failures().isEmpty() ? 0 : 1);
    }

    private BenchRecord runAll(String command, Path otelJar, Path appJar, Path startupAppJar, Path agentSource)
            throws InterruptedException {
        String loadBefore = Machine.loadAverage();
        progress("mode " + mode.name() + "; JDKs: " + jdks + "; load average " + loadBefore + "; results in " + work);
        Map<String, String> failures = new LinkedHashMap<>();
        List<OverheadSuite.ClockCost> clockCosts = new ArrayList<>();
        List<OverheadResult> overhead = new ArrayList<>();
        MemoryResult memory = null;
        AppResult app = null;
        if (parts.contains("overhead")) {
            try {
                OverheadSuite suite = new OverheadSuite(jdks, agent, otelJar, work.resolve("overhead"), mode, this::progress);
                for (Jdk jdk : jdks) {
                    clockCosts.addAll(suite.clockCosts(jdk));
                }
                overhead.addAll(suite.run());
                overhead.stream().filter(result -> !result.ok()).forEach(result -> failures.put(
                        "overhead " + result.jdk().label() + " " + result.contender().name() + " " + result.threads() + "t",
                        result.failure()));
            } catch (Exception e) {
                failures.put("overhead", describe(e));
            }
        }
        if (parts.contains("memory")) {
            try {
                progress("memory benchmark: 200 threads × 200 operations, without and with sonde");
                memory = MemoryBenchmark.compare(jdks.get(0), agent, work.resolve("memory"), 200, 200,
                        mode.memoryCallsPerOperation(), mode.memoryChurnGenerations());
                progress(String.format(Locale.ROOT, "memory: sonde retains %.1f MiB with the first threads alive,"
                        + " %.1f MiB at most during churn, %.1f MiB after churn", memory.retainedLive() / 1048576.0,
                        memory.retainedPeak() / 1048576.0, memory.retainedChurned() / 1048576.0));
            } catch (Exception e) {
                failures.put("memory", describe(e));
            }
        }
        if (parts.contains("app")) {
            try {
                progress("application benchmark: the sample shop without (A) and with (B) sonde, alternating");
                app = new AppBenchmark(jdks.get(0), appJar, agent, work.resolve("app"), mode, this::progress).run();
                if (app.attach() != null && !app.attach().ok()) {
                    failures.put("attach", app.attach().failure());
                }
            } catch (Exception e) {
                failures.put("app", describe(e));
            }
        }
        StartupResult startup = null;
        if (parts.contains("startup")) {
            try {
                progress("start-up benchmark: a Spring Boot + JPA app without an agent, under sonde and under OpenTelemetry");
                startup = new StartupBenchmark(jdks.get(0), startupAppJar, agent, otelJar, work.resolve("startup"), mode,
                        this::progress).run();
            } catch (Exception e) {
                failures.put("startup", describe(e));
            }
        }
        List<JdbcResult> sql = new ArrayList<>();
        if (parts.contains("sql")) {
            try {
                progress("sql benchmark: one JDBC execution without the agent, with jdbc=off and with jdbc=on");
                sql.addAll(new JdbcBenchmark(jdks, agent, work.resolve("sql"), mode, this::progress).run());
            } catch (Exception e) {
                failures.put("sql", describe(e));
            }
        }
        List<ScrapeResult> scrape = new ArrayList<>();
        if (parts.contains("scrape")) {
            try {
                progress("scrape benchmark: CPU of a Prometheus scrape of 2000 operations per format, export off and on");
                scrape.addAll(ScrapeBenchmark.of(jdks, agent, work.resolve("scrape"), mode, this::progress).run());
            } catch (Exception e) {
                failures.put("scrape", describe(e));
            }
        }
        return new BenchRecord(started, Duration.between(started, Instant.now()), command, mode, Machine.here(), jdks,
                describeAgent(agentSource), loadBefore, Machine.loadAverage(), maxLoad.get(), clockCosts, overhead, memory,
                app, startup, sql, scrape, failures);
    }

    private void progress(String message) {
        double load = Machine.loadAverageOneMinute();
        maxLoad.accumulateAndGet(load, (a, b) -> Double.isNaN(b) ? a : Math.max(a, b));
        Duration elapsed = Duration.between(started, Instant.now());
        System.out.printf(Locale.ROOT, "[%2d:%02d load %.1f] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), load, message);
        System.out.flush();
    }

    /** "agent/target/sonde-agent.jar, built 2026-11-23 14:42 UTC, SHA-256 1a2b3c4d5e6f…": which build was measured. */
    private String describeAgent(Path source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(agent));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            Instant built = Files.getLastModifiedTime(agent).toInstant();
            return "`" + source + "`, built " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                    .format(built) + ", SHA-256 `" + hex + "…`";
        } catch (IOException | NoSuchAlgorithmException e) {
            return "`" + source + "`";
        }
    }

    /** A jar copied while it was being rebuilt is cut short; better to stop now than after minutes of failed runs. */
    private static void checkIsAgent(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Premain-Class") == null) {
                usage(jar + " has no Premain-Class: not the sonde agent jar");
            }
        } catch (IOException e) {
            usage("cannot read the agent jar " + jar + " (" + e.getMessage() + "); was it being rebuilt?");
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: bench/run [--full | --trial] [--only overhead,memory,app,startup,sql,scrape] [--second-jdk DIR]");
        System.exit(2);
    }
}
