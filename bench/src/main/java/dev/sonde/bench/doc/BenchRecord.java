package dev.sonde.bench.doc;

import dev.sonde.bench.RunMode;
import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.app.StartupResult;
import dev.sonde.bench.export.ScrapeResult;
import dev.sonde.bench.jdbc.JdbcResult;
import dev.sonde.bench.jvm.Jdk;
import dev.sonde.bench.jvm.Machine;
import dev.sonde.bench.memory.MemoryResult;
import dev.sonde.bench.overhead.OverheadResult;
import dev.sonde.bench.overhead.OverheadSuite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of bench/run measured, and where and how: the input of the report writers.
 * A part that failed has no result and an entry in {@code failures} (part name to message).
 */
public record BenchRecord(Instant started, Duration took, String command, RunMode mode, Machine machine,
                          List<Jdk> jdks, String agentJar, String loadBefore, String loadAfter, double maxLoad,
                          List<OverheadSuite.ClockCost> clockCosts, List<OverheadResult> overhead,
                          MemoryResult memory, AppResult app, StartupResult startup, List<JdbcResult> sql,
                          List<ScrapeResult> scrape, Map<String, String> failures) {

    /** A 1-minute load average above this, on any sample, means other work competed with the benchmarks. */
    public boolean busy() {
        return maxLoad > 1.0;
    }
}
