package dev.sonde.cli;

import dev.sonde.report.HistogramCodec;
import dev.sonde.report.OperationReport;
import dev.sonde.report.Report;
import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class MergeCommandTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path directory;

    @Test
    void mergesReportsOfSeveralJvmsIntoOneReadableReport() throws Exception {
        Path first = write("jvm1.json", 1, op("a#b").latencies(TestReports.spread(MS, 2 * MS, 300)).errors(1).build());
        Path second = write("jvm2.json", 2, op("a#b").latencies(TestReports.spread(3 * MS, 4 * MS, 100)).build(),
                op("c#d").latencies(5, 6).build());
        Path merged = directory.resolve("out/merged.json");

        CliRun run = CliRun.of("merge", first, second, "--out", merged);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.trim()).isEqualTo("sonde merge: 2 reports, 2 operations, 402 calls; wrote " + merged.toAbsolutePath());
        ReportFile read = new ReportReader().read(merged);
        OperationReport ab = read.report().operations.get(0);
        assertThat(ab.name).isEqualTo("a#b");
        assertThat(ab.count).isEqualTo(400);
        assertThat(ab.errors).isEqualTo(1);
        assertThat(ab.latencyNs.min).isEqualTo(MS);
        assertThat(ab.latencyNs.max).isEqualTo(4 * MS);
        assertThat(HistogramCodec.decode(ab.latencyNs.histogram).getTotalCount()).isEqualTo(400);
        assertThat(read.report().trigger).isEqualTo("merge");
        try (Stream<Path> files = Files.list(merged.getParent())) {
            assertThat(files).as("written atomically: no temporary file left").containsExactly(merged);
        }
    }

    @Test
    void theMergedReportMayReplaceOneOfItsInputs() throws Exception {
        Path first = write("total.json", 1, op("a#b").latencies(10, 20).build());
        Path second = write("more.json", 2, op("a#b").latencies(30).build());

        assertThat(CliRun.of("merge", first, second, "--out", first).exitCode).isZero();
        assertThat(new ReportReader().read(first).report().operations.get(0).count).isEqualTo(3);
    }

    @Test
    void overlappingReportsOfOneJvmAreMergedWithAWarning() throws Exception {
        Path first = write("a.json", 1, op("a#b").latencies(10).build());
        Path again = write("b.json", 1, op("a#b").latencies(10).build());

        CliRun run = CliRun.of("merge", first, again, "--out", directory.resolve("m.json"));
        assertThat(run.exitCode).isZero();
        assertThat(run.errLines()).containsExactly("sonde merge: warning: a.json and b.json come from the same JVM (pid 1)"
                + " with overlapping windows; calls in the overlap are counted twice");
    }

    @Test
    void outIsRequiredAndInputsToo() {
        assertThat(CliRun.of("merge", "a.json").err).startsWith("sonde merge: --out FILE is required");
        assertThat(CliRun.of("merge", "--out", "x.json").err).startsWith("sonde merge: which reports?");
    }

    private Path write(String name, long pid, OperationReport... operations) throws Exception {
        Report report = TestReports.report(operations);
        report.jvm.pid = pid;
        return TestReports.write(directory, name, report);
    }
}
