package dev.sonde.bench.export;

import dev.sonde.bench.RunMode;
import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * bench/run's scrape part, and {@link ScrapeCost}'s runs: {@link ScrapeWorkload} forked under sonde
 * with the export off and on in turns (off, on, off, on...), on each JDK. The target: one scrape of
 * 2000 operations costs sonde's scrape thread at most 50 ms of CPU, in every format, and a timed
 * call costs the same with the export on.
 */
public final class ScrapeBenchmark {

    static final int OPERATIONS = 2000;
    static final int CALLS = 50;
    private static final Pattern HOT_PATH = Pattern.compile("^hot-path ([0-9.]+) ns/call$");
    private static final Pattern SCRAPE = Pattern.compile(
            "^scrape (\\S+) (idle|busy) cpu-ms median ([0-9.]+) min [0-9.]+ max [0-9.]+ size ([0-9.]+) MB$");

    private final List<Jdk> jdks;
    private final Path agent;
    private final Path work;
    private final int rounds;
    private final int scrapes;
    private final Consumer<String> progress;

    /** {@code rounds}: pairs of runs (off, on) per JDK; {@code scrapes}: scrapes measured per format and state. */
    public ScrapeBenchmark(List<Jdk> jdks, Path agent, Path work, int rounds, int scrapes, Consumer<String> progress) {
        this.jdks = jdks;
        this.agent = agent;
        this.work = work;
        this.rounds = rounds;
        this.scrapes = scrapes;
        this.progress = progress;
    }

    /** As bench/run runs it: one pair of runs and 5 scrapes in quick mode, three pairs and 8 in full mode. */
    public static ScrapeBenchmark of(List<Jdk> jdks, Path agent, Path work, RunMode mode, Consumer<String> progress) {
        int rounds = mode == RunMode.FULL ? 3 : 1;
        int scrapes = mode == RunMode.FULL ? 8 : mode == RunMode.TRIAL ? 2 : 5;
        return new ScrapeBenchmark(jdks, agent, work, rounds, scrapes, progress);
    }

    public List<ScrapeResult> run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<ScrapeResult> results = new ArrayList<>();
        for (Jdk jdk : jdks) {
            results.add(runOn(jdk));
        }
        return results;
    }

    private ScrapeResult runOn(Jdk jdk) throws IOException, InterruptedException {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        Map<String, List<Double>> idle = new LinkedHashMap<>();
        Map<String, List<Double>> busy = new LinkedHashMap<>();
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            progress.accept(String.format(Locale.ROOT, "scrape: %s, export off then on, round %d of %d", jdk.label(),
                    round, rounds));
            off.add(hotPath(fork(jdk, 0, "off-" + round)));
            for (String line : fork(jdk, freePort(), "on-" + round)) {
                Matcher hotPath = HOT_PATH.matcher(line.trim());
                if (hotPath.matches()) {
                    on.add(Double.parseDouble(hotPath.group(1)));
                }
                Matcher scrape = SCRAPE.matcher(line.trim());
                if (scrape.matches()) {
                    String format = scrape.group(1);
                    (scrape.group(2).equals("idle") ? idle : busy).computeIfAbsent(format, f -> new ArrayList<>())
                            .add(Double.parseDouble(scrape.group(3)));
                    sizes.put(format, Double.parseDouble(scrape.group(4)));
                }
            }
        }
        if (idle.isEmpty() || on.size() != rounds) {
            throw new IOException("ScrapeWorkload printed no figures on " + jdk.label() + "; see the logs in " + work);
        }
        List<ScrapeResult.FormatCost> formats = new ArrayList<>();
        idle.forEach((format, idleMs) -> formats.add(new ScrapeResult.FormatCost(format, idleMs,
                busy.getOrDefault(format, List.of()), sizes.get(format))));
        return new ScrapeResult(jdk, OPERATIONS, formats, off, on);
    }

    private List<String> fork(Jdk jdk, int port, String name) throws IOException, InterruptedException {
        String export = port == 0 ? "" : ",prometheus=" + port;
        return ForkedJvm.on(jdk)
                .jvmArg("-Xmx1g")
                .jvmArg("-javaagent:" + agent + "=include=bench.export.TimedCall#call,log=quiet,out="
                        + work.resolve("out-" + jdk.label() + "-" + name) + export)
                .main(System.getProperty("java.class.path"), ScrapeWorkload.class.getName())
                .args(List.of(String.valueOf(port), String.valueOf(OPERATIONS), String.valueOf(CALLS),
                        String.valueOf(scrapes)))
                .run(work.resolve(jdk.label() + "-" + name + ".log"), Duration.ofMinutes(10));
    }

    private static double hotPath(List<String> output) throws IOException {
        for (String line : output) {
            Matcher hotPath = HOT_PATH.matcher(line.trim());
            if (hotPath.matches()) {
                return Double.parseDouble(hotPath.group(1));
            }
        }
        throw new IOException("ScrapeWorkload printed no hot-path figure: " + output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
