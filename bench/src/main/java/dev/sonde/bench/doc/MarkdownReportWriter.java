package dev.sonde.bench.doc;

import dev.sonde.bench.app.AppBenchmark;
import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.app.StartupBenchmark;
import dev.sonde.bench.jvm.Jdk;
import dev.sonde.bench.memory.MemoryResult;
import dev.sonde.bench.overhead.Contender;

import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes docs/performance.md: how the numbers were taken, then every table of {@link ReportTables}. */
public final class MarkdownReportWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    public String write(BenchRecord record) {
        ReportTables tables = new ReportTables(record);
        line("# Performance");
        line("");
        line("<!-- Written by bench/run from the run described below; run it again rather than editing. -->");
        line("");
        line("What sonde costs, measured in one run against no agent, JFR method timing and the OpenTelemetry");
        line("Java agent on the same machine, against the targets listed below. To measure again:");
        line("`bench/run` (quick, about a quarter of an hour) or `bench/run --full` (more forks and iterations, longer");
        line("loads); both print the tables and rewrite this file. Only numbers from real runs appear here.");
        line("");
        runSection(record);
        line("## Targets");
        line("");
        table(tables.targets());
        line("\"met\" takes the error bars into account where there are some (the JMH rows): yes when the value plus");
        line("its error is within the goal, no when the value minus its error is past it, unsettled in between (measure");
        line("again, with `--full` or on a quiet machine). For the application rows, ± is taken from the spread of the");
        line("runs (half of max − min on each side, combined); the memory and attach rows are single measurements.");
        line("");
        overheadSection(record, tables);
        preserved("call-cost");
        memorySection(record, tables);
        appSection(record, tables);
        preserved("per-request");
        startupSection(record, tables);
        preserved("start-up-notes");
        sqlSection(record, tables);
        scrapeSection(record, tables);
        if (!record.failures().isEmpty()) {
            line("## What failed in this run");
            line("");
            for (Map.Entry<String, String> failure : record.failures().entrySet()) {
                line("- " + failure.getKey() + ": " + failure.getValue());
            }
            line("");
        }
        return out.toString();
    }

    /**
     * A section measured by another script (bench/call-cost, bench/request-cost) or by
     * hand (the start-up notes), kept from the page as it is.
     */
    private void preserved(String name) {
        String section = PreservedSection.of(Paths.get("docs/performance.md"), name);
        if (!section.isEmpty()) {
            line(section);
            line("");
        }
    }

    private void runSection(BenchRecord record) {
        line("## This run");
        line("");
        line(String.format(Locale.ROOT, "- Date: %s; took %d min %d s", DATE.format(record.started()),
                record.took().toMinutes(), record.took().toSecondsPart()));
        line("- Command: `" + record.command() + "` (" + record.mode().name() + " mode: JMH " + record.mode().jmhForks()
                + (record.mode().jmhForks() == 1 ? " fork" : " forks") + " × " + record.mode().jmhIterations()
                + " measured iterations of " + record.mode().jmhIterationTime().toMillis() + " ms after "
                + record.mode().jmhWarmups() + " warm-up, per configuration and thread count)");
        line("- Machine: " + record.machine().describe());
        for (Jdk jdk : record.jdks()) {
            line("- " + jdk.label() + ": " + jdk.version() + " (`" + jdk.home() + "`)");
        }
        line("- Agent: " + record.agentJar() + " (copied at the start of the run, so a rebuild cannot change it midway)");
        line(String.format(Locale.ROOT, "- Load average (1, 5, 15 min): %s before, %s after; highest 1-minute value seen: %.2f",
                record.loadBefore(), record.loadAfter(), record.maxLoad()));
        line("");
        if (record.busy()) {
            line(String.format(Locale.ROOT, "> **Load during the run**: the 1-minute load average reached %.1f on %d cores"
                    + " (the benchmarks count too: a 2-thread JMH run alone makes 2, the application benchmark more, and"
                    + " the average lags by a minute). Absolute numbers are noisy, 2-thread runs most of all;"
                    + " compare the ratios within the run.", record.maxLoad(), record.machine().cores()));
            line("");
        }
    }

    private void overheadSection(BenchRecord record, ReportTables tables) {
        line("## Overhead per instrumented call (JMH, MooBench style)");
        line("");
        line("`RecursiveCallBenchmark` calls `bench.monitored.MonitoredTarget#recurse(10)`: a chain of 10 nested calls of");
        line("a method that does nothing else, every level timed. One JMH operation is one chain, so");
        line("**per instrumented call = (configuration − no agent) / 10**, on the same JDK and thread count of this run.");
        line("± is JMH's 99.9 % confidence half-width (for per-call values, the two errors added in quadrature, / 10).");
        line("B/op is `gc.alloc.rate.norm` of `-prof gc` per chain of 10 calls. Every configuration runs in its own");
        line("forked JVMs (`-Xms1g -Xmx1g`). The contenders:");
        line("");
        for (Contender contender : Contender.ALL) {
            line("- " + contender.name() + ": " + describe(contender));
        }
        line("");
        line("Each contender's evidence that it really timed the method is checked in the run (last column).");
        line("");
        table(tables.overhead());
        line("### sonde against JFR and OpenTelemetry (ns per instrumented call, and ratios)");
        line("");
        table(tables.comparisons());
        line("### 1 → 2 threads");
        line("");
        table(tables.scaling());
        line("### The floor on this machine");
        line("");
        line("A timed call reads the clock twice (and the allocation counter twice, for allocation); these reads");
        line("alone cost, on this machine:");
        line("");
        table(tables.clock());
        line("The same floor is a row of the overhead table above (\"floor: 2 × System.nanoTime() per call\"), measured");
        line("in the same run and the same way as the timers: the targets compare sonde with that row and with JFR,");
        line("which reads the same clock, because absolute nanoseconds do not carry over from one machine to another.");
        line("");
        line("### What a timed call does");
        line("");
        line("The advice inlined into a timed method reads the clock at entry and exit and hands the duration to");
        line("the thread's own buffer: an array store, with no lock, no shared atomic and no allocation (a");
        line("timing-only buffer has no room for self time or allocation, so it stores the duration alone). Every");
        line("64 calls of an operation on a thread, the buffer is added to the operation's histograms under a");
        line("lock, each figure's 64 values in one pass that only adds to their buckets (the histogram's total");
        line("and extremes are updated once per pass). When two threads meet at that lock, the operation's totals split into stripes (as");
        line("`LongAdder` does, up to the number of cores, at most 8), so threads on different cores stop");
        line("taking turns at one lock and one histogram; a thread that finds the lock busy goes on in a");
        line("second buffer instead of waiting. Allocation adds two reads of the thread's allocation counter,");
        line("self time a frame per call depth, reused.");
        line("");
    }

    private static String describe(Contender contender) {
        switch (contender.kind()) {
            case NONE:
                return "no agent, no recording (the baseline).";
            case CLOCK_FLOOR:
                return "no agent; `bench.monitored.ClockedTarget#recurse`, the same chain timed by hand: two"
                        + " `System.nanoTime()` calls per level and their difference kept, the least any method timer"
                        + " does. sonde's distance from this row is its own cost, read in the same run.";
            case SONDE:
                return "`-javaagent:sonde-agent.jar=" + contender.sondeOptions() + ",log=quiet,out=…`.";
            case JFR:
                return "JDK 25+ only: `-XX:StartFlightRecording:settings=method-timing.jfc` (in the benchmark jar):"
                        + " `jdk.MethodTiming` with filter `bench.monitored.MonitoredTarget::recurse` and no other event.";
            default:
                return "`opentelemetry-javaagent` (fetched from Maven Central by the bench build) with"
                        + " `-Dotel.instrumentation.methods.include=bench.monitored.MonitoredTarget[recurse]` and"
                        + " `-Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none`;"
                        + " a separate run with the span exporter on checks that it creates the spans.";
        }
    }

    private void memorySection(BenchRecord record, ReportTables tables) {
        MemoryResult memory = record.memory();
        line("## Memory");
        line("");
        if (memory == null) {
            line("Not measured in this run (see the failures below).");
            line("");
            return;
        }
        line(String.format(Locale.ROOT, "`MemoryBenchmark` runs the same program twice, without and with sonde (all recording"
                + " on), in JVMs with a 1 GiB heap: %d generations of a pool of %d threads, each thread calling each of %d"
                + " generated methods (`bench.memory.Operations#m0..m%d`, all instrumented) %d times. Each generation's"
                + " threads stay alive until the heap is measured, then end and a new pool replaces them. Heap used after"
                + " `System.gc()` (three in a row), from `MemoryMXBean`; sonde's share is the difference. The last point is"
                + " taken 3 s after the last threads ended. sonde folds the recordings of ended threads into the totals"
                + " once a second, so a generation that starts right after the last one ended may find their"
                + " recordings not yet released: the target row takes the first generation (exactly %d threads ×"
                + " %d operations) and shows the largest value apart. sonde reported all %d operations.", memory.generations(), memory.threads(), memory.operations(), memory.operations() - 1,
                memory.calls(), memory.threads(), memory.operations(), memory.operationsReported()));
        line("");
        table(tables.memory());
    }

    private void appSection(BenchRecord record, ReportTables tables) {
        AppResult app = record.app();
        line("## Application: the sample shop under load");
        line("");
        if (app == null) {
            line("Not measured in this run (see the failures below).");
            line("");
            return;
        }
        line(String.format(Locale.ROOT, "The sample shop (Spring Boot, `sample-app/target/sample-app.jar`, on the first JDK,"
                + " 1 GiB heap) runs without and with sonde (`%s`), alternating in the order %s, so that a drift of the machine during the run weighs on both alike. Each run starts the shop (start-up ="
                + " launching the JVM to the first 200 from `/api/ping`), warms it up at full load, then measures a fixed rate"
                + " of %d requests/s (half the throughput of the first warm-up; %d client threads, open loop: latency counts from the time a request was due) and"
                + " a max-throughput load (%d client threads, closed loop), with the mix of the sample app's LoadDriver"
                + " (ping, price, report, slow, flaky). The client runs on the same 2 cores. With sonde: %s.",
                app.agentOptions(), alternation(app.runs()), app.fixedRate(), app.fixedRateThreads(), app.maxThreads(),
                app.evidence()));
        line("");
        table(tables.app());
        line(String.format(Locale.ROOT, "Start-up, all starts (ms): without sonde %s; with sonde %s.",
                joined(app.startupMillisWithout()), joined(app.startupMillisWith())));
        line("");
        AppResult.Attach attach = app.attach();
        if (attach != null) {
            line("Attach: `java -jar sonde-agent.jar attach <pid> " + AppBenchmark.AGENT_OPTIONS + ",…` against a shop that"
                    + " has served requests; the time is the command's wall time (its own JVM start, the attach, sonde"
                    + " starting and retransforming the loaded classes, and its reply): "
                    + (attach.ok() ? String.format(Locale.ROOT, "**%.0f ms**. Reply: %s", attach.wallMillis(), attach.reply())
                    : "failed: " + attach.failure()));
            line("");
        }
    }

    private void sqlSection(BenchRecord record, ReportTables tables) {
        line("## SQL: one JDBC execution");
        line("");
        if (record.sql().isEmpty()) {
            line("Not measured in this run (see the failures below).");
            line("");
            return;
        }
        line("`dev.sonde.bench.jdbc.JdbcCost` executes a prepared statement and a plain one given its text through a"
                + " driver that does nothing, in a loop (best of 5 rounds after a warm-up; allocation from the thread's"
                + " counter), forked without the agent, with `jdbc=off` and with `jdbc=on`, the three in turn; each figure"
                + " is the median of the forks. What sonde adds to an execution is jdbc=on minus jdbc=off: the same"
                + " agent otherwise. Target: at most 1 µs and 0 B per execution of a statement sonde has seen before.");
        line("");
        table(tables.sql());
    }

    private void scrapeSection(BenchRecord record, ReportTables tables) {
        line("## Metrics export");
        line("");
        if (record.scrape().isEmpty()) {
            line("Not measured in this run (see the failures below).");
            line("");
            return;
        }
        line("What one Prometheus scrape of 2000 operations costs, and whether a timed call costs the same with the"
                + " export on. `dev.sonde.bench.export.ScrapeBenchmark` forks `ScrapeWorkload` under sonde, export off"
                + " and on in turns, on each JDK: the workload times `bench.export.TimedCall#call` (best of 15 rounds of"
                + " 5 million calls), then, with `prometheus=` on, makes 2000 SQL operations of a fake driver (each"
                + " with its own typical duration, 2 µs to 20 ms log-uniform, its 50 calls spread lognormally around it"
                + " with sigma 1; and its own allocation), then scrapes its own `/metrics` in each format with"
                + " `Accept-Encoding: gzip`, as Prometheus does, and reads the CPU time of sonde's scrape thread"
                + " (`sonde-prometheus`). *Idle*: no call between two scrapes; *busy*: every operation called once"
                + " more before each scrape, so every operation is read again from the recorder. Each figure is the median of the scrapes of"
                + " a run (the median of the runs' medians when there are several). `protobuf` is what a Prometheus"
                + " with native histograms asks for, and gets by default (`prometheus.classic=auto`): the native"
                + " histograms without classic buckets. The same alone:");
        line("");
        line("<!-- docs-check: skip: a few minutes per JDK, needs the built jars -->");
        line("```sh");
        line("java -cp bench/target/benchmarks.jar dev.sonde.bench.export.ScrapeCost --agent agent/target/sonde-agent.jar");
        line("```");
        line("");
        table(tables.scrape());
        line("The timed call in the same runs (the export adds no code to it: the scrape reads the recorder's"
                + " histograms in place, under the locks its reports take, on its own thread; a difference here is"
                + " the machine's noise):");
        line("");
        table(tables.scrapeHotPath());
    }

    private void startupSection(BenchRecord record, ReportTables tables) {
        line("## Start-up: a Spring Boot + JPA application");
        line("");
        if (record.startup() == null) {
            line("Not measured in this run (see the failures below).");
            line("");
            return;
        }
        line(String.format(Locale.ROOT, "`bench/startup-app` (Spring Boot with Spring MVC, Spring Data JPA, Hibernate and"
                + " H2; `%s`, on the first JDK, 1 GiB heap), from launching the JVM to the first 200 from `/api/ping`,"
                + " which reads the database. Each round starts every contender once, in an order that rotates from"
                + " round to round. sonde runs with `%s` (the application's include), with `%s` alone, and with"
                + " the recipes of configuration.md that select classes by annotation (`%s`) and by supertype"
                + " (`%s`); the OpenTelemetry agent with its exporters off. The goal is ≤ 1.10× with the"
                + " application's include and HTTP on.", record.startup().application(), StartupBenchmark.APP_INCLUDE,
                StartupBenchmark.HTTP_ONLY, StartupBenchmark.ANNOTATION_INCLUDE, StartupBenchmark.SUBTYPE_INCLUDE));
        line("");
        table(tables.startup());
    }

    private static String alternation(List<AppResult.Run> runs) {
        StringBuilder order = new StringBuilder();
        for (AppResult.Run run : runs) {
            order.append(order.length() == 0 ? "" : "/").append(run.withAgent() ? "B" : "A");
        }
        return order + " (A without, B with sonde)";
    }

    private static String joined(List<Double> millis) {
        StringBuilder text = new StringBuilder();
        for (double value : millis) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", value));
        }
        return text.toString();
    }

    private void table(Table table) {
        if (table.isEmpty()) {
            line("(no results)");
            line("");
            return;
        }
        line("| " + String.join(" | ", table.header()) + " |");
        StringBuilder rule = new StringBuilder("|");
        table.header().forEach(cell -> rule.append("---|"));
        line(rule.toString());
        for (List<String> row : table.rows()) {
            line("| " + String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toArray(String[]::new)) + " |");
        }
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
