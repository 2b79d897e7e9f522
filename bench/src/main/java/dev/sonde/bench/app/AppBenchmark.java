package dev.sonde.bench.app;

import dev.sonde.bench.RunMode;
import dev.sonde.bench.jvm.ExternalCommand;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application benchmark: the sample shop without and with sonde (its methods and HTTP routes),
 * alternating A/B/B/A/A/B… (each pair in turn reversed), so that a drift of the machine, or the
 * first run being the first, weighs on both alike. Each run starts the shop
 * (timing its start-up), warms it up, then measures a fixed-rate load and a max-throughput load.
 * More start-ups are timed until each side has {@link RunMode#startupRuns()}; last, sonde is
 * attached to a running shop with the agent's {@code attach} command.
 */
public final class AppBenchmark {

    /** About twenty methods of the shop, and its HTTP routes. */
    public static final String AGENT_OPTIONS = "include=com.example.shop.**,http=on";
    /**
     * The fixed rate is this share of the throughput of the first warm-up (no agent, full load):
     * a load the shop serves with room to spare, on a fast machine and on a busy one alike.
     */
    static final double FIXED_RATE_SHARE = 0.5;
    public static final int FIXED_RATE_THREADS = 8;
    public static final int MAX_THREADS = 8;

    private static final Pattern METHOD_OPERATION = Pattern.compile("\"kind\"\\s*:\\s*\"method\"");
    private static final Pattern HTTP_OPERATION = Pattern.compile("\"kind\"\\s*:\\s*\"http\"");

    private final Jdk jdk;
    private final Path appJar;
    private final Path agentJar;
    private final Path work;
    private final RunMode mode;
    private final Consumer<String> progress;
    /** Requests per second of the fixed-rate load; set by the first run's warm-up. */
    private int fixedRate;

    public AppBenchmark(Jdk jdk, Path appJar, Path agentJar, Path work, RunMode mode, Consumer<String> progress) {
        this.jdk = jdk;
        this.appJar = appJar;
        this.agentJar = agentJar;
        this.work = work;
        this.mode = mode;
        this.progress = progress;
    }

    public AppResult run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<AppResult.Run> runs = new ArrayList<>();
        List<Double> startupWithout = new ArrayList<>();
        List<Double> startupWith = new ArrayList<>();
        for (int pair = 0; pair < mode.appPairs(); pair++) {
            boolean[] order = pair % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
            for (boolean withAgent : order) {
                AppResult.Run run = loadRun(withAgent, pair);
                runs.add(run);
                (withAgent ? startupWith : startupWithout).add(run.startupMillis());
            }
        }
        for (int extra = mode.appPairs(); extra < mode.startupRuns(); extra++) {
            for (boolean withAgent : new boolean[] {false, true}) {
                String name = (withAgent ? "startup-with-" : "startup-without-") + extra;
                try (ShopProcess shop = ShopProcess.start(jdk, appJar, agentArgs(withAgent, name), work.resolve(name + ".log"))) {
                    (withAgent ? startupWith : startupWithout).add(shop.startupMillis());
                    progress.accept(String.format(Locale.ROOT, "%s agent: start-up %.0f ms", withAgent ? "with" : "without",
                            shop.startupMillis()));
                }
            }
        }
        String evidence = operationsReported(work.resolve("run-with-0-out"));
        AppResult.Attach attach = attach();
        return new AppResult(fixedRate, FIXED_RATE_THREADS, MAX_THREADS, AGENT_OPTIONS, runs, startupWithout,
                startupWith, attach, evidence);
    }

    private AppResult.Run loadRun(boolean withAgent, int pair) throws IOException, InterruptedException {
        String name = "run-" + (withAgent ? "with-" : "without-") + pair;
        try (ShopProcess shop = ShopProcess.start(jdk, appJar, agentArgs(withAgent, name), work.resolve(name + ".log"))) {
            HttpLoad load = new HttpLoad(shop.port());
            LoadResult warmUp = load.maxThroughput(MAX_THREADS, mode.appWarmup());
            if (fixedRate == 0) {
                fixedRate = (int) Math.max(10, Math.round(warmUp.throughputPerSecond() * FIXED_RATE_SHARE / 10) * 10);
            }
            LoadResult fixed = load.fixedRate(fixedRate, FIXED_RATE_THREADS, mode.appMeasure());
            LoadResult max = load.maxThroughput(MAX_THREADS, mode.appMeasure());
            progress.accept(String.format(Locale.ROOT,
                    "%-7s agent: start-up %5.0f ms | %d req/s: p50 %.1f ms, p99 %.1f ms | max: %.0f req/s, p99 %.1f ms%s",
                    withAgent ? "with" : "without", shop.startupMillis(), fixedRate, fixed.p50Millis(), fixed.p99Millis(),
                    max.throughputPerSecond(), max.p99Millis(),
                    fixed.failures() + max.failures() > 0 ? ", " + (fixed.failures() + max.failures()) + " failed" : ""));
            return new AppResult.Run(withAgent, shop.startupMillis(), fixed, max);
        }
    }

    private List<String> agentArgs(boolean withAgent, String name) {
        if (!withAgent) {
            return List.of();
        }
        return List.of("-javaagent:" + agentJar + "=" + AGENT_OPTIONS + ",log=quiet,out=" + work.resolve(name + "-out"));
    }

    /** Starts a shop without sonde, loads it a little, then times {@code java -jar sonde-agent.jar attach}. */
    private AppResult.Attach attach() throws IOException, InterruptedException {
        Path out = work.resolve("attach-out");
        try (ShopProcess shop = ShopProcess.start(jdk, appJar, List.of(), work.resolve("attach-app.log"))) {
            new HttpLoad(shop.port()).maxThroughput(2, Duration.ofSeconds(2));
            List<String> command = List.of(jdk.java().toString(), "-jar", agentJar.toString(), "attach",
                    Long.toString(shop.pid()), AGENT_OPTIONS + ",log=quiet,out=" + out);
            long started = System.nanoTime();
            List<String> output;
            try {
                output = ExternalCommand.run(command, work.resolve("attach-command.log"), Duration.ofSeconds(60));
            } catch (IOException e) {
                return new AppResult.Attach(Double.NaN, "", e.getMessage());
            }
            double wallMillis = (System.nanoTime() - started) / 1e6;
            new HttpLoad(shop.port()).maxThroughput(2, Duration.ofSeconds(1));
            String reply = output.stream().skip(1).collect(Collectors.joining(" ")).trim();
            progress.accept(String.format(Locale.ROOT, "attach: %.0f ms: %s", wallMillis, reply));
            shop.close();
            String evidence = operationsReported(out);
            return new AppResult.Attach(wallMillis, reply + " [" + evidence + "]", null);
        }
    }

    /** What sonde's shutdown report(s) in {@code out} hold: "12 method and 5 HTTP operations". */
    private static String operationsReported(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return "no report";
        }
        long methods = 0;
        long routes = 0;
        try (Stream<Path> files = Files.list(out)) {
            for (Path report : files.filter(f -> f.getFileName().toString().startsWith("sonde-report-"))
                    .collect(Collectors.toList())) {
                String json = Files.readString(report, StandardCharsets.UTF_8);
                methods += METHOD_OPERATION.matcher(json).results().count();
                routes += HTTP_OPERATION.matcher(json).results().count();
            }
        }
        return methods + " methods and " + routes + " HTTP routes recorded";
    }
}
