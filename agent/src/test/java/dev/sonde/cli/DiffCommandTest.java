package dev.sonde.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.report.OperationReport;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path directory;

    private Path base;
    private Path slower;
    private Path same;

    @BeforeEach
    void writeReports() throws Exception {
        base = TestReports.write(directory, "base.json", TestReports.report(
                latencies("com.acme.OrderService#place", 10 * MS, 20 * MS),
                latencies("com.acme.Cache#get", 1_000, 2_000),
                latencies("com.acme.Old#gone", MS, MS)));
        slower = TestReports.write(directory, "slower.json", TestReports.report(
                withSlowTail("com.acme.OrderService#place", 10 * MS, 20 * MS, 30 * MS),
                latencies("com.acme.Cache#get", 2_000, 4_000),
                latencies("com.acme.New#arrived", MS, MS)));
        same = TestReports.write(directory, "same.json", TestReports.report(
                latencies("com.acme.OrderService#place", 10 * MS, 20 * MS),
                latencies("com.acme.Cache#get", 1_000, 2_000),
                latencies("com.acme.Old#gone", MS, MS)));
    }

    @Test
    void noRegressionExitsZero() {
        CliRun run = CliRun.of("diff", base, same);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("OK: no regression in 3 compared operations");
    }

    @Test
    void aRegressionExitsOneAndIsShownWithItsFigures() {
        CliRun run = CliRun.of("diff", base, slower);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).isEmpty();
        assertThat(run.out).contains("REGRESSION: 1 regressed of 2 compared operations")
                .containsPattern("(?m)^ +com\\.acme\\.OrderService#place +p95 +19\\.\\d ms +30\\.0 ms +\\+5\\d\\.\\d%"
                        + " +\\+\\d+\\.\\d%…\\+\\d+\\.\\d% +\\+\\d+\\.\\d ms +600 each$")
                .containsPattern("(?m)^ +regressed +600 → 600 +\\+\\d\\.\\d% +\\+5\\d\\.\\d% ▲ +\\+5\\d\\.\\d% ▲ +com\\.acme\\.OrderService#place$")
                .contains("New in current (1)\n  com.acme.New#arrived")
                .contains("Vanished from current (1)\n  com.acme.Old#gone");
        assertThat(run.out).as("the cache doubled, but by microseconds: under the 1 ms floor")
                .doesNotContainPattern("(?m)^ +com\\.acme\\.Cache#get +p");
    }

    @Test
    void aLowerFloorCatchesSmallAbsoluteGrowth() {
        CliRun run = CliRun.of("diff", base, slower, "--min-delta", "500ns");
        assertThat(run.out).contains("REGRESSION: 2 regressed of 2 compared operations");
    }

    @Test
    void aHigherThresholdForgivesTheGrowth() {
        assertThat(CliRun.of("diff", base, slower, "--threshold", "60%").exitCode).isZero();
        assertThat(CliRun.of("diff", base, slower, "--metric", "p50").exitCode).isZero();
    }

    @Test
    void operationsWithTooFewCallsAreListedApart() throws Exception {
        Path fewer = TestReports.write(directory, "fewer.json", TestReports.report(
                latencies("com.acme.OrderService#place", 10 * MS, 20 * MS),
                op("com.acme.Cache#get").latencies(1_000, 2_000).build()));

        CliRun run = CliRun.of("diff", base, fewer, "--min-count", "100");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("OK: no regression in 1 compared operation")
                .contains("Not compared, fewer than 100 calls in a run (1)");
    }

    @Test
    void markdownIsAPullRequestComment() {
        CliRun run = CliRun.of("diff", base, slower, "--format", "markdown");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).startsWith("### ❌ sonde diff: 1 regressed of 2 compared operations\n")
                .contains("Base `base.json` → current `slower.json`")
                .contains("| operation | metric | base | current | change | 95% CI | delta | calls |")
                .containsPattern("\\| `com\\.acme\\.OrderService#place` \\| p99 \\| .* \\| \\*\\*\\+\\d+\\.\\d%\\*\\* \\|")
                .contains("<details><summary>All 2 compared operations</summary>")
                .contains("**New in current** (1)");
        assertThat(CliRun.of("diff", base, same, "--format", "markdown").out).startsWith("### ✅ sonde diff: no regression");
    }

    @Test
    void jsonCarriesTheVerdictAndEveryFigure() throws Exception {
        CliRun run = CliRun.of("diff", base, slower, "--format", "json", "--metric", "p99");
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.get("schema").asText()).isEqualTo("sonde-diff/2");
        assertThat(json.get("regression").asBoolean()).isTrue();
        assertThat(json.get("rule").get("minDeltaNs").asLong()).isEqualTo(MS);
        JsonNode place = json.get("compared").get(0);
        assertThat(place.get("name").asText()).isEqualTo("com.acme.OrderService#place");
        JsonNode p99 = place.get("metrics").get("p99");
        assertThat(p99.get("verdict").asText()).isEqualTo("regressed");
        assertThat(p99.get("currentLower").asLong()).as(p99.toString()).isGreaterThan(p99.get("baseUpper").asLong());
        assertThat(p99.get("changePercentLow").asDouble()).isPositive();
        assertThat(p99.get("text").asText()).startsWith("p99 +").contains("(95% CI +").endsWith("600 calls each");
        assertThat(json.get("new").get(0).get("name").asText()).isEqualTo("com.acme.New#arrived");
        assertThat(json.get("vanished").get(0).get("name").asText()).isEqualTo("com.acme.Old#gone");
    }

    @Test
    void htmlGoesToTheOutFileAndTheVerdictToStandardOutput() throws Exception {
        Path page = directory.resolve("diff.html");
        CliRun run = CliRun.of("diff", base, slower, "--format", "html", "--out", page);
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out.trim()).isEqualTo("sonde diff: REGRESSION: 1 regressed of 2 compared operations; wrote " + page.toAbsolutePath());
        assertThat(Files.readString(page)).contains("<tr class=\"regressed\">");
    }

    @Test
    void gatingOnAllocationThatNeitherRunRecordedIsAnInputError() {
        CliRun run = CliRun.of("diff", base, slower, "--metric", "p99,alloc");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "sonde diff: --metric alloc: neither report has these figures for any operation (allocation needs alloc=on)");
    }

    @Test
    void aRunThatRecordedNothingCannotPassTheGate() throws Exception {
        Path empty = TestReports.write(directory, "empty.json", TestReports.report());

        CliRun run = CliRun.of("diff", base, empty);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("sonde diff: " + empty
                + ": has no operations, so there is nothing to compare (did the run call any included method?)");
    }

    @Test
    void twoReportsWithNoOperationInCommonCannotPassTheGate() throws Exception {
        Path other = TestReports.write(directory, "other.json", TestReports.report(latencies("com.acme.Other#thing", MS, MS)));

        CliRun run = CliRun.of("diff", base, other);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.errLines()).containsExactly("sonde diff: nothing compared, so no verdict: no operation of "
                + base + " is in " + other + " (3 only in base, 1 only in current); are they runs of the same service?");
    }

    @Test
    void aMinCountAboveEveryCountCannotPassTheGate() {
        CliRun run = CliRun.of("diff", base, same, "--min-count", "1000", "--format", "json");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.errLines()).containsExactly("sonde diff: nothing compared, so no verdict: none of the 3 operations"
                + " in both runs has at least 1000 calls in each (--min-count 1000)");
    }

    @Test
    void minDeltaTakesADurationASizeOrBoth() throws Exception {
        Path allocBase = TestReports.write(directory, "a1.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 40)).alloc(TestReports.spread(1000, 1000, 40)).build()));
        Path allocMore = TestReports.write(directory, "a2.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 40)).alloc(TestReports.spread(1800, 1800, 40)).build()));

        assertThat(CliRun.of("diff", allocBase, allocMore, "--metric", "alloc").exitCode).as("800 B is under the 1 KiB default").isZero();
        assertThat(CliRun.of("diff", allocBase, allocMore, "--metric", "alloc", "--min-delta", "512B").exitCode).isEqualTo(1);
        assertThat(CliRun.of("diff", allocBase, allocMore, "--metric", "p99,alloc", "--min-delta", "2ms,0.5KiB").exitCode).isEqualTo(1);
    }

    @Test
    void gatingOnAllocationThatOnlyOneRunRecordedCannotPassTheGate() throws Exception {
        Path withAlloc = TestReports.write(directory, "alloc.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 20)).alloc(1000, 1000).build()));
        Path without = TestReports.write(directory, "no-alloc.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 20)).build()));

        CliRun run = CliRun.of("diff", withAlloc, without, "--metric", "alloc");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("sonde diff: nothing compared, so no verdict: none of the 1 operation"
                + " in both runs has --metric alloc figures in both (allocation needs alloc=on in both runs)");
    }

    @Test
    void aMinDeltaOfZeroRemovesBothFloors() throws Exception {
        // 40 calls: a mean's interval needs at least 30.
        Path allocBase = TestReports.write(directory, "a1.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 40)).alloc(sameForEachCall(1000, 40)).build()));
        Path allocMore = TestReports.write(directory, "a2.json", TestReports.report(
                op("a#b").latencies(TestReports.spread(MS, MS, 40)).alloc(sameForEachCall(1800, 40)).build()));

        assertThat(CliRun.of("diff", allocBase, allocMore, "--metric", "alloc", "--min-delta", "0").exitCode)
                .as("800 B more per call is a regression once the floor is gone").isEqualTo(1);
        assertThat(CliRun.of("diff", base, slower, "--min-delta", "0").out)
                .as("the cache's microseconds too").contains("REGRESSION: 2 regressed of 2 compared operations");
        assertThat(CliRun.of("diff", allocBase, allocMore, "--metric", "p99,alloc", "--min-delta", "2ms,0").exitCode)
                .as("0 after a duration is the size floor").isEqualTo(1);
    }

    private static long[] sameForEachCall(long bytes, int calls) {
        long[] values = new long[calls];
        java.util.Arrays.fill(values, bytes);
        return values;
    }

    @Test
    void aMinDeltaWithTwoFloorsOfOneKindIsWrongUsage() {
        for (String minDelta : new String[] {"1ms,1ms", "1KiB,2KiB", "1ms,1KiB,1s", "1ms,"}) {
            CliRun run = CliRun.of("diff", base, slower, "--min-delta", minDelta);

            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines().get(0)).as(minDelta).isEqualTo("sonde diff: --min-delta takes a duration, a size or both"
                    + " (such as 1ms, 4KiB or 2ms,4KiB), not '" + minDelta + "'");
        }
    }

    @Test
    void wrongUsageIsExitTwo() {
        for (Object[] args : new Object[][] {
                {"diff", base},
                {"diff", base, slower, same},
                {"diff", base, "vs"},
                {"diff", "vs", slower},
                {"diff", base, "vs", slower, "vs", same},
                {"diff", base, slower, "--confidence", "100%"},
                {"diff", base, slower, "--confidence", "30"},
                {"diff", base, slower, "--threshold", "ten"},
                {"diff", base, slower, "--threshold", "-5%"},
                {"diff", base, slower, "--metric", "p42"},
                {"diff", base, slower, "--metric", ","},
                {"diff", base, slower, "--min-delta", "5"},
                {"diff", base, slower, "--min-delta", "5 parsecs"},
                {"diff", base, slower, "--min-count", "x"},
                {"diff", base, slower, "--format", "pdf"},
                {"diff", base, slower, "--threshold"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.err).startsWith("sonde diff: ").contains("usage: java -jar sonde-agent.jar diff").doesNotContain("Exception");
        }
    }

    @Test
    void severalRunsASideAreMergedAndNamed() {
        CliRun run = CliRun.of("diff", base, same, "vs", slower, slower);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("  base:    2 runs merged: " + base + ", " + same)
                .contains("  current: 2 runs merged: " + slower + ", " + slower)
                .containsPattern("(?m)^ +com\\.acme\\.OrderService#place +p95 .* +1200 each$");
    }

    @Test
    void aMetricWithTooFewCallsIsInconclusiveAndSaysHowManyItNeeds() throws Exception {
        Path few = TestReports.write(directory, "few.json", TestReports.report(
                op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 20 * MS, 200)).build()));
        Path fewSlower = TestReports.write(directory, "few-slower.json", TestReports.report(
                op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 40 * MS, 200)).build()));

        CliRun run = CliRun.of("diff", few, fewSlower, "--metric", "p99");

        assertThat(run.exitCode).as("inconclusive never fails: " + run).isZero();
        assertThat(run.out).contains("OK: no regression in 1 compared operation, 1 inconclusive")
                .contains("Inconclusive, never failing (1)\n  com.acme.OrderService#place: p99 +100.0%, 200 calls each:"
                        + " p99 needs ≥ 555 calls at 95%");
    }

    /** Like {@link #latencies}, but the slowest tenth of the calls take {@code tail}. */
    private static OperationReport withSlowTail(String name, long from, long to, long tail) {
        long[] values = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(TestReports.spread(from, to, 540)),
                java.util.stream.LongStream.of(TestReports.spread(tail, tail, 60))).toArray();
        return op(name).latencies(values).build();
    }

    private static OperationReport latencies(String name, long from, long to) {
        return op(name).latencies(TestReports.spread(from, to, 600)).build();
    }
}
