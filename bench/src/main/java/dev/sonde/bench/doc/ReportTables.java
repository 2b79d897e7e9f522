package dev.sonde.bench.doc;

import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.app.LoadResult;
import dev.sonde.bench.app.StartupBenchmark;
import dev.sonde.bench.app.StartupResult;
import dev.sonde.bench.export.ScrapeResult;
import dev.sonde.bench.jdbc.JdbcResult;
import dev.sonde.bench.jvm.Jdk;
import dev.sonde.bench.memory.MemoryResult;
import dev.sonde.bench.overhead.Contender;
import dev.sonde.bench.overhead.OverheadResult;
import dev.sonde.bench.overhead.OverheadSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The tables of the performance report, computed from one {@link BenchRecord}: sonde's targets
 * with what was measured, and the detail of each benchmark. Per instrumented call
 * means (configuration − no agent) / 10 on the same JDK and thread count of the same run.
 */
public final class ReportTables {

    private static final String NONE = "–";

    private final BenchRecord record;

    public ReportTables(BenchRecord record) {
        this.record = record;
    }

    public Table targets() {
        Table table = new Table("target", "goal", "measured", "met");
        aboveFloorTarget(table);
        jfrRatioTarget(table, "timing only", Contender.SONDE_TIMING, 1, 1.0);
        jfrRatioTarget(table, "timing only", Contender.SONDE_TIMING, 2, 1.0);
        jfrRatioTarget(table, "defaults (alloc + self)", Contender.SONDE_FULL, 1, 1.5);
        jfrRatioTarget(table, "defaults (alloc + self)", Contender.SONDE_FULL, 2, 1.5);
        scalingTarget(table);
        allocationTarget(table);
        perCallTarget(table, "sonde loaded, method not matched", Contender.SONDE_UNMATCHED, 1);
        appTargets(table);
        memoryTarget(table);
        attachTarget(table);
        startupTarget(table);
        sqlTarget(table);
        scrapeTargets(table);
        return table;
    }

    /** One row per exposition format: the CPU of a scrape of 2000 operations, idle and busy, on every JDK. */
    private void scrapeTargets(Table table) {
        String goal = String.format(Locale.ROOT, "≤ %.0f ms CPU", ScrapeResult.GOAL_MS);
        if (record.scrape().isEmpty()) {
            table.row("a Prometheus scrape of 2000 operations", goal, NONE, "n/a");
            return;
        }
        for (String format : scrapeFormats()) {
            List<String> measured = new ArrayList<>();
            boolean met = true;
            for (ScrapeResult result : record.scrape()) {
                for (ScrapeResult.FormatCost cost : result.formats()) {
                    if (cost.format().equals(format)) {
                        measured.add(String.format(Locale.ROOT, "%s: idle %.0f, busy %.0f ms", result.jdk().label(),
                                cost.medianIdleMs(), cost.medianBusyMs()));
                        met &= cost.meetsGoal();
                    }
                }
            }
            table.row("a Prometheus scrape of " + record.scrape().get(0).operations() + " operations, " + format, goal,
                    String.join("; ", measured), verdict(met));
        }
    }

    private List<String> scrapeFormats() {
        List<String> formats = new ArrayList<>();
        record.scrape().forEach(result -> result.formats().forEach(cost -> {
            if (!formats.contains(cost.format())) {
                formats.add(cost.format());
            }
        }));
        return formats;
    }

    /** Each JDK and format: CPU ms of the scrape thread per scrape, idle and busy, and the gzipped size. */
    public Table scrape() {
        Table table = new Table("JDK", "format", "idle (CPU ms)", "busy (CPU ms)", "gzipped", "runs");
        for (ScrapeResult result : record.scrape()) {
            for (ScrapeResult.FormatCost cost : result.formats()) {
                table.row(result.jdk().label(), cost.format(), millisAndRuns(cost.medianIdleMs(), cost.idleMs()),
                        millisAndRuns(cost.medianBusyMs(), cost.busyMs()),
                        String.format(Locale.ROOT, "%.1f MB", cost.gzippedMb()), Integer.toString(cost.idleMs().size()));
            }
        }
        return table;
    }

    /** Each JDK: ns per timed call with the export off and on, the runs in turns. */
    public Table scrapeHotPath() {
        Table table = new Table("JDK", "timed call, export off", "export on", "on ÷ off", "each run, ns (off / on)");
        for (ScrapeResult result : record.scrape()) {
            table.row(result.jdk().label(), ns(result.medianTimedCallOffNs()), ns(result.medianTimedCallOnNs()),
                    ratio(result.medianTimedCallOnNs() / result.medianTimedCallOffNs()),
                    joined(result.timedCallOffNs()) + " / " + joined(result.timedCallOnNs()));
        }
        return table;
    }

    /** "97" for one run, "97 (95, 99, 101)" for several: the median and each run's figure. */
    private static String millisAndRuns(double median, List<Double> runs) {
        String value = String.format(Locale.ROOT, "%.0f", median);
        return runs.size() < 2 ? value : value + " (" + joined(runs) + ")";
    }

    private static String joined(List<Double> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(String.format(Locale.ROOT, "%.1f", value)));
        return String.join(", ", texts);
    }

    /** Recording a statement sonde has seen before: at most 1 µs added to its execution, nothing allocated. */
    private void sqlTarget(Table table) {
        String what = "a JDBC execution of a known statement (jdbc=on against jdbc=off)";
        if (record.sql().isEmpty()) {
            table.row(what, "≤ 1 µs, 0 B", NONE, "n/a");
            return;
        }
        List<String> measured = new ArrayList<>();
        boolean met = true;
        for (JdbcResult result : record.sql()) {
            measured.add(String.format(Locale.ROOT, "%s %s: +%.0f ns, %.1f B", result.jdk().label(), result.statement(),
                    result.addedNs(), result.jdbcOnBytes()));
            met &= result.addedNs() <= 1000 && result.jdbcOnBytes() < 1;
        }
        table.row(what, "≤ 1 µs, 0 B", String.join("; ", measured), verdict(met));
    }

    /** Each JDK and kind of statement: ns per execution without the agent, with jdbc=off, with jdbc=on. */
    public Table sql() {
        Table table = new Table("JDK", "statement", "no agent", "jdbc=off", "jdbc=on", "added by jdbc=on", "B/execution (jdbc=on)", "forks");
        for (JdbcResult result : record.sql()) {
            table.row(result.jdk().label(), result.statement(), ns(result.noAgentNs()), ns(result.jdbcOffNs()),
                    ns(result.jdbcOnNs()), String.format(Locale.ROOT, "%+.0f ns", result.addedNs()),
                    String.format(Locale.ROOT, "%.2f", result.jdbcOnBytes()), Integer.toString(result.forks()));
        }
        return table;
    }

    private static String ns(double nanos) {
        return String.format(Locale.ROOT, "%.1f ns", nanos);
    }

    /** The start-up goal: sonde with the application's include and HTTP on, against no agent. */
    private void startupTarget(Table table) {
        StartupResult startup = record.startup();
        String what = "start-up of a Spring Boot + JPA app to its first 200 (sonde: application include, HTTP on)";
        if (startup == null) {
            table.row(what, "≤ 1.10×", NONE, "n/a");
            return;
        }
        StartupBenchmark.Contender sonde = StartupBenchmark.Contender.SONDE_APP;
        double ratio = startup.ratio(sonde);
        table.row(what, "≤ 1.10×", String.format(Locale.ROOT, "%s (median %.0f → %.0f ms)", ratio(ratio),
                startup.median(StartupBenchmark.Contender.NO_AGENT), startup.median(sonde)), verdict(ratio <= 1.10));
    }

    /** Every contender's start-up: median, spread and ratio to no agent. */
    public Table startup() {
        Table table = new Table("contender", "starts", "median", "min", "max", "÷ no agent (medians)");
        StartupResult startup = record.startup();
        if (startup == null) {
            return table;
        }
        for (StartupBenchmark.Contender contender : StartupBenchmark.Contender.values()) {
            table.row(contender.label(), Integer.toString(startup.millis().get(contender).size()),
                    millis(startup.median(contender)), millis(startup.min(contender)), millis(startup.max(contender)),
                    ratio(startup.ratio(contender)));
        }
        return table;
    }

    private void perCallTarget(Table table, String what, Contender contender, double limitNs) {
        List<String> measured = new ArrayList<>();
        Verdict verdict = Verdict.NONE;
        for (Jdk jdk : record.jdks()) {
            for (int threads : OverheadSuite.THREADS) {
                Optional<double[]> perCall = perCall(jdk, contender, threads);
                if (perCall.isPresent()) {
                    verdict = verdict.and(Verdict.atMost(perCall.get()[0], perCall.get()[1], limitNs));
                    measured.add(String.format(Locale.ROOT, "%s %dt: %s ns", jdk.label(), threads, plusMinus(perCall.get())));
                }
            }
        }
        table.row(what, (limitNs <= 1 ? "< " : "≤ ") + (int) limitNs + " ns",
                measured.isEmpty() ? NONE : String.join("; ", measured), verdict.text());
    }

    /** sonde timing only against the hand-timed chain of the same run: what sonde adds to two clock reads. */
    private void aboveFloorTarget(Table table) {
        List<String> measured = new ArrayList<>();
        Verdict verdict = Verdict.NONE;
        for (Jdk jdk : record.jdks()) {
            for (int threads : OverheadSuite.THREADS) {
                Optional<double[]> sonde = perCall(jdk, Contender.SONDE_TIMING, threads);
                Optional<double[]> floor = perCall(jdk, Contender.CLOCK_FLOOR, threads);
                if (sonde.isPresent() && floor.isPresent()) {
                    double above = sonde.get()[0] - floor.get()[0];
                    double error = Math.hypot(sonde.get()[1], floor.get()[1]);
                    verdict = verdict.and(Verdict.atMost(above, error, 10));
                    measured.add(String.format(Locale.ROOT, "%s %dt: %s ns (sonde %.1f, floor %.1f)", jdk.label(), threads,
                            plusMinus(new double[] {above, error}), sonde.get()[0], floor.get()[0]));
                }
            }
        }
        table.row("timing only, above two System.nanoTime() calls (same run)", "≤ 10 ns",
                measured.isEmpty() ? NONE : String.join("; ", measured), verdict.text());
    }

    private void jfrRatioTarget(Table table, String label, Contender contender, int threads, double limit) {
        String what = label + " ÷ JFR method timing, " + threads + (threads == 1 ? " thread" : " threads");
        String goal = String.format(Locale.ROOT, "≤ %.1f×", limit);
        for (Jdk jdk : record.jdks()) {
            Optional<double[]> sonde = perCall(jdk, contender, threads);
            Optional<double[]> jfr = perCall(jdk, Contender.JFR, threads);
            if (sonde.isPresent() && jfr.isPresent()) {
                double[] ratio = quotient(sonde.get(), jfr.get());
                table.row(what, goal, String.format(Locale.ROOT, "%s: %.2f ± %.2f× (sonde %.1f ns, JFR %.1f ns per call)",
                        jdk.label(), ratio[0], ratio[1], sonde.get()[0], jfr.get()[0]),
                        Verdict.atMost(ratio[0], ratio[1], limit).text());
                return;
            }
        }
        table.row(what, goal, NONE, Verdict.NONE.text());
    }

    private void scalingTarget(Table table) {
        List<String> measured = new ArrayList<>();
        Verdict verdict = Verdict.NONE;
        for (Jdk jdk : record.jdks()) {
            Optional<double[]> one = perCall(jdk, Contender.SONDE_TIMING, 1);
            Optional<double[]> two = perCall(jdk, Contender.SONDE_TIMING, 2);
            if (one.isPresent() && two.isPresent()) {
                double[] ratio = quotient(two.get(), one.get());
                verdict = verdict.and(Verdict.atMost(Math.abs(ratio[0] - 1), ratio[1], 0.10));
                measured.add(String.format(Locale.ROOT, "%s: %s ± %.0f %% (%.1f → %.1f ns)", jdk.label(),
                        percent(ratio[0] - 1), ratio[1] * 100, one.get()[0], two.get()[0]));
            }
        }
        table.row("per-call cost, 1 → 2 threads (timing only)", "within 10 %",
                measured.isEmpty() ? NONE : String.join("; ", measured), verdict.text());
    }

    /** a ÷ b with its error, the relative errors added in quadrature. */
    private static double[] quotient(double[] a, double[] b) {
        double ratio = a[0] / b[0];
        return new double[] {ratio, Math.abs(ratio) * Math.hypot(a[1] / a[0], b[1] / b[0])};
    }

    /** Any allocation on the hot path is at least 16 bytes per call, 160 per benchmark operation. */
    private void allocationTarget(Table table) {
        double most = -1;
        String where = "";
        for (OverheadResult result : record.overhead()) {
            if (result.ok() && result.contender().kind() == Contender.Kind.SONDE && result.allocBytesPerOp() > most) {
                most = result.allocBytesPerOp();
                where = result.jdk().label() + " " + result.contender().name() + " " + result.threads() + "t";
            }
        }
        table.row("allocation per call (JMH -prof gc)", "0 B",
                most < 0 ? NONE : String.format(Locale.ROOT, "at most %.3f B per 10 calls (%s)", most, where),
                most < 0 ? "n/a" : verdict(most < 1));
    }

    private void appTargets(Table table) {
        AppResult app = record.app();
        if (app == null) {
            table.row("sample app: throughput loss under max load", "≤ 3 %", NONE, "n/a");
            table.row("sample app: p99 added", "≤ 5 %", NONE, "n/a");
            table.row("start-up time added by -javaagent", "(none)", NONE, "n/a");
            return;
        }
        ToDoubleFunction<AppResult.Run> throughput = run -> run.maxThroughput().throughputPerSecond();
        double loss = 1 - app.ratio(throughput);
        double lossError = app.ratioError(throughput);
        table.row("sample app: throughput loss under max load", "≤ 3 %", String.format(Locale.ROOT,
                "%s ± %.0f %% (%.0f → %.0f req/s, medians)", percent(loss), lossError * 100, app.medianOf(false, throughput),
                app.medianOf(true, throughput)), Verdict.atMost(loss, lossError, 0.03).text());
        ToDoubleFunction<AppResult.Run> fixedP99 = run -> run.fixedRate().p99Millis();
        ToDoubleFunction<AppResult.Run> maxP99 = run -> run.maxThroughput().p99Millis();
        double fixed = app.ratio(fixedP99) - 1;
        double max = app.ratio(maxP99) - 1;
        table.row("sample app: p99 added", "≤ 5 %", String.format(Locale.ROOT, "%d req/s: %s ± %.0f %%; max load: %s ± %.0f %%",
                app.fixedRate(), percent(fixed), app.ratioError(fixedP99) * 100, percent(max), app.ratioError(maxP99) * 100),
                Verdict.atMost(fixed, app.ratioError(fixedP99), 0.05).and(Verdict.atMost(max, app.ratioError(maxP99), 0.05)).text());
        double added = app.medianStartupWith() - app.medianStartupWithout();
        table.row("start-up time added by -javaagent (to first 200)", "(none)", String.format(Locale.ROOT,
                "+%.0f ms (median %.0f → %.0f ms)", added, app.medianStartupWithout(), app.medianStartupWith()), "");
    }

    private void memoryTarget(Table table) {
        MemoryResult memory = record.memory();
        String what = "heap retained, 200 threads × 200 operations";
        if (memory == null) {
            table.row(what, "≤ 64 MiB", NONE, "n/a");
            return;
        }
        table.row(what, "≤ 64 MiB", String.format(Locale.ROOT, "%.1f MiB with the threads alive; at most %.1f MiB while"
                        + " pools were replaced; %.1f MiB after the churn", mib(memory.retainedLive()), mib(memory.retainedPeak()),
                mib(memory.retainedChurned())), verdict(mib(memory.retainedLive()) <= 64));
    }

    private void attachTarget(Table table) {
        AppResult app = record.app();
        String what = "attach to the running sample app";
        if (app == null || app.attach() == null) {
            table.row(what, "≤ 2 s", NONE, "n/a");
        } else if (!app.attach().ok()) {
            table.row(what, "≤ 2 s", "failed: " + app.attach().failure(), "no");
        } else {
            table.row(what, "≤ 2 s", String.format(Locale.ROOT, "%.2f s (wall time of the attach command)",
                    app.attach().wallMillis() / 1000), verdict(app.attach().wallMillis() <= 2000));
        }
    }

    /** Every JMH result, with the added cost per instrumented call against the baseline. */
    public Table overhead() {
        Table table = new Table("JDK", "configuration", "threads", "ns/op (10 calls)", "ns per instrumented call",
                "B/op", "evidence it timed the method");
        for (OverheadResult result : record.overhead()) {
            if (!result.ok()) {
                table.row(result.jdk().label(), result.contender().name(), Integer.toString(result.threads()),
                        "FAILED", NONE, NONE, result.failure());
                continue;
            }
            Optional<double[]> perCall = perCall(result.jdk(), result.contender(), result.threads());
            table.row(result.jdk().label(), result.contender().name(), Integer.toString(result.threads()),
                    plusMinus(new double[] {result.nsPerOp(), result.error()}),
                    result.contender() == Contender.NO_AGENT ? "(baseline)" : perCall.map(ReportTables::plusMinus).orElse(NONE),
                    String.format(Locale.ROOT, "%.2f", result.allocBytesPerOp()), result.evidence());
        }
        return table;
    }

    /** sonde against JFR and the OpenTelemetry agent, per JDK and thread count: per-call costs and their ratios. */
    public Table comparisons() {
        Table table = new Table("JDK", "threads", "sonde timing only", "sonde full", "JFR method timing",
                "OpenTelemetry", "timing ÷ JFR", "full ÷ JFR", "timing ÷ OTel", "full ÷ OTel");
        for (Jdk jdk : record.jdks()) {
            for (int threads : OverheadSuite.THREADS) {
                Optional<double[]> timing = perCall(jdk, Contender.SONDE_TIMING, threads);
                Optional<double[]> full = perCall(jdk, Contender.SONDE_FULL, threads);
                Optional<double[]> jfr = perCall(jdk, Contender.JFR, threads);
                Optional<double[]> otel = perCall(jdk, Contender.OPENTELEMETRY, threads);
                table.row(jdk.label(), Integer.toString(threads), ns(timing), ns(full), ns(jfr), ns(otel),
                        ratio(timing, jfr), ratio(full, jfr), ratio(timing, otel), ratio(full, otel));
            }
        }
        return table;
    }

    /** Per-call cost at 2 threads against 1 thread, per contender. */
    public Table scaling() {
        Table table = new Table("JDK", "configuration", "1 thread", "2 threads", "change");
        for (Jdk jdk : record.jdks()) {
            for (Contender contender : Contender.ALL) {
                if (contender == Contender.NO_AGENT || contender == Contender.SONDE_UNMATCHED) {
                    continue;
                }
                Optional<double[]> one = perCall(jdk, contender, 1);
                Optional<double[]> two = perCall(jdk, contender, 2);
                if (one.isPresent() && two.isPresent()) {
                    table.row(jdk.label(), contender.name(), ns(one), ns(two), percent(two.get()[0] / one.get()[0] - 1));
                }
            }
        }
        return table;
    }

    /** The floor: what the clock and the allocation counter cost on this machine. */
    public Table clock() {
        Table table = new Table("JDK", "System.nanoTime()", "getCurrentThreadAllocatedBytes()",
                "floor, timing (2 clock reads)", "floor, timing + allocation (2 + 2 reads)");
        for (Jdk jdk : record.jdks()) {
            Optional<OverheadSuite.ClockCost> clock = clockCost(jdk, "nanoTime");
            Optional<OverheadSuite.ClockCost> alloc = clockCost(jdk, "allocatedBytes");
            if (clock.isEmpty() || alloc.isEmpty()) {
                continue;
            }
            table.row(jdk.label(), plusMinus(new double[] {clock.get().ns(), clock.get().error()}) + " ns",
                    plusMinus(new double[] {alloc.get().ns(), alloc.get().error()}) + " ns",
                    String.format(Locale.ROOT, "%.0f ns", 2 * clock.get().ns()),
                    String.format(Locale.ROOT, "%.0f ns", 2 * clock.get().ns() + 2 * alloc.get().ns()));
        }
        return table;
    }

    public Table memory() {
        MemoryResult memory = record.memory();
        Table table = new Table("heap used after GC", "without sonde", "with sonde", "sonde's share");
        if (memory == null) {
            return table;
        }
        addMemoryRow(table, "started, before any call", MemoryResult.Heap::baseline);
        for (int g = 0; g < memory.withAgent().liveByGeneration().size()
                && g < memory.withoutAgent().liveByGeneration().size(); g++) {
            int generation = g;
            addMemoryRow(table, "generation " + (g + 1) + " of " + memory.threads() + " threads alive",
                    heap -> heap.liveByGeneration().get(generation));
        }
        addMemoryRow(table, "largest while a generation was alive", MemoryResult.Heap::liveMax);
        addMemoryRow(table, "after the last generation ended", MemoryResult.Heap::churned);
        return table;
    }

    private void addMemoryRow(Table table, String point, java.util.function.ToLongFunction<MemoryResult.Heap> value) {
        long without = value.applyAsLong(record.memory().withoutAgent());
        long with = value.applyAsLong(record.memory().withAgent());
        table.row(point, String.format(Locale.ROOT, "%.1f MiB", mib(without)),
                String.format(Locale.ROOT, "%.1f MiB", mib(with)), String.format(Locale.ROOT, "%.1f MiB", mib(with - without)));
    }

    public Table app() {
        Table table = new Table("run", "sonde", "start-up", "fixed rate: p50", "fixed rate: p99", "max: req/s",
                "max: p50", "max: p99", "failed requests");
        AppResult app = record.app();
        if (app == null) {
            return table;
        }
        int index = 1;
        for (AppResult.Run run : app.runs()) {
            LoadResult fixed = run.fixedRate();
            LoadResult max = run.maxThroughput();
            table.row(Integer.toString(index++), run.withAgent() ? "yes" : "no", millis(run.startupMillis()),
                    millis(fixed.p50Millis()), millis(fixed.p99Millis()),
                    String.format(Locale.ROOT, "%.0f", max.throughputPerSecond()), millis(max.p50Millis()),
                    millis(max.p99Millis()), Long.toString(fixed.failures() + max.failures()));
        }
        table.row("median", "no", millis(app.medianStartupWithout()), median(app, false, run -> run.fixedRate().p50Millis()),
                median(app, false, run -> run.fixedRate().p99Millis()),
                String.format(Locale.ROOT, "%.0f", app.medianOf(false, run -> run.maxThroughput().throughputPerSecond())),
                median(app, false, run -> run.maxThroughput().p50Millis()),
                median(app, false, run -> run.maxThroughput().p99Millis()), "");
        table.row("median", "yes", millis(app.medianStartupWith()), median(app, true, run -> run.fixedRate().p50Millis()),
                median(app, true, run -> run.fixedRate().p99Millis()),
                String.format(Locale.ROOT, "%.0f", app.medianOf(true, run -> run.maxThroughput().throughputPerSecond())),
                median(app, true, run -> run.maxThroughput().p50Millis()),
                median(app, true, run -> run.maxThroughput().p99Millis()), "");
        table.row("with ÷ without", "", ratio(app.medianStartupWith() / app.medianStartupWithout()),
                ratio(app.ratio(run -> run.fixedRate().p50Millis())), ratio(app.ratio(run -> run.fixedRate().p99Millis())),
                ratio(app.ratio(run -> run.maxThroughput().throughputPerSecond())),
                ratio(app.ratio(run -> run.maxThroughput().p50Millis())),
                ratio(app.ratio(run -> run.maxThroughput().p99Millis())), "");
        return table;
    }

    private static String median(AppResult app, boolean withAgent, ToDoubleFunction<AppResult.Run> value) {
        return millis(app.medianOf(withAgent, value));
    }

    /** (config − no agent) / 10 and its error, same JDK and thread count; empty if either run failed. */
    Optional<double[]> perCall(Jdk jdk, Contender contender, int threads) {
        Optional<OverheadResult> result = result(jdk, contender, threads);
        Optional<OverheadResult> baseline = result(jdk, Contender.NO_AGENT, threads);
        if (result.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {result.get().nsPerCallOver(baseline.get()),
                result.get().errorPerCallOver(baseline.get())});
    }

    private Optional<OverheadResult> result(Jdk jdk, Contender contender, int threads) {
        return record.overhead().stream()
                .filter(r -> r.ok() && r.jdk() == jdk && r.contender() == contender && r.threads() == threads)
                .findFirst();
    }

    private Optional<OverheadSuite.ClockCost> clockCost(Jdk jdk, String what) {
        return record.clockCosts().stream().filter(c -> c.jdk() == jdk && c.what().equals(what)).findFirst();
    }

    static String plusMinus(double[] valueAndError) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", valueAndError[0], valueAndError[1]);
    }

    private static String ns(Optional<double[]> perCall) {
        return perCall.map(ReportTables::plusMinus).orElse(NONE);
    }

    private static String ratio(Optional<double[]> numerator, Optional<double[]> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return NONE;
        }
        return ratio(numerator.get()[0] / denominator.get()[0]);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? NONE : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? NONE : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String verdict(boolean met) {
        return (met ? Verdict.MET : Verdict.MISSED).text();
    }

    /**
     * Whether a measured value meets its goal, given its error: met when even value + error is
     * within the goal, missed when even value − error is past it, unsettled otherwise.
     */
    enum Verdict {
        NONE("n/a"), MET("yes"), UNSETTLED("unsettled (± spans the goal)"), MISSED("**no**");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict atMost(double value, double error, double goal) {
            double e = Double.isNaN(error) ? 0 : error;
            if (value + e <= goal) {
                return MET;
            }
            return value - e > goal ? MISSED : UNSETTLED;
        }

        /** Several measurements of one target: the worst of them. */
        Verdict and(Verdict other) {
            return this == NONE ? other : other == NONE ? this : values()[Math.max(ordinal(), other.ordinal())];
        }

        String text() {
            return text;
        }
    }
}
