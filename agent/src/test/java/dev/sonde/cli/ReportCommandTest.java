package dev.sonde.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.report.Report;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path directory;

    private Path report;

    @BeforeEach
    void writeReport() throws Exception {
        Report written = TestReports.report(
                op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 14 * MS, 200)).errors(2)
                        .alloc(2 * 1024 * 1024, 2 * 1024 * 1024).build(),
                op("com.acme.Cache#get").latencies(TestReports.spread(200, 900, 5000)).alloc(0, 0).build(),
                op("GET /api/owners/{id}").latencies(TestReports.spread(MS, 3 * MS, 100))
                        .http("GET", "/api/owners/{id}", Map.of("2xx", 95L, "5xx", 5L)).errors(5).build());
        report = TestReports.write(directory, "report.json", written);
    }

    @Test
    void tableShowsAlignedFiguresInHumanUnitsAndFindings() {
        CliRun run = CliRun.of("report", report);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).contains("All 3 operations by total time")
                .containsPattern("(?m)^ +# +calls +errors +total +mean +p50 +p95 +p99 +max +alloc/call +2xx/3xx/4xx/5xx +operation$")
                .containsPattern("(?m)^ +1 +200 +2 +2\\.4 s +12\\.0 ms .* 2\\.0 MiB +- +com\\.acme\\.OrderService#place$")
                .containsPattern("(?m) 95/0/0/5 +GET /api/owners/\\{id}$")
                .contains("Findings")
                .containsPattern("highest p99 +14\\.0 ms +com\\.acme\\.OrderService#place")
                .containsPattern("highest error rate +5\\.0% +GET /api/owners/\\{id} +\\(5 of 100 calls\\)")
                .containsPattern("most allocation per call +2\\.0 MiB/call +com\\.acme\\.OrderService#place")
                .contains("Not in this report: self time.");
        String[] lines = run.out.split("\n");
        int header = indexOf(lines, "operation");
        assertThat(lines[header + 1].indexOf("com.acme")).as("names line up").isEqualTo(lines[header + 2].indexOf("com.acme"));
    }

    @Test
    void kindShowsOnlyOperationsOfThatKindAndStatementsByTheirShortForm() throws Exception {
        String text = "SELECT id, name FROM owners WHERE city = ?";
        Path withSql = TestReports.write(directory, "sql.json", TestReports.report(
                op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 14 * MS, 200)).build(),
                op(text).latencies(TestReports.spread(MS, 2 * MS, 30)).sql(text, "SELECT owners").build()));

        CliRun sql = CliRun.of("report", withSql, "--kind", "sql");
        assertThat(sql.exitCode).as(sql.toString()).isZero();
        assertThat(sql.out).contains("1 operation by total time").containsPattern("(?m) SELECT owners$")
                .doesNotContain("OrderService");

        CliRun methods = CliRun.of("report", withSql, "--kind", "method");
        assertThat(methods.out).contains("com.acme.OrderService#place").doesNotContain("SELECT");
    }

    @Test
    void statementsWithTheSameShortFormShowTheirTextSoTheyCannotBeTakenForOne() throws Exception {
        String byId = "SELECT id, name FROM owners WHERE id = ?";
        String byCity = "SELECT id, name FROM owners WHERE city IN (?)";
        String insert = "INSERT INTO visits (owner, day) VALUES (?, ?)";
        Path withSql = TestReports.write(directory, "same-summary.json", TestReports.report(
                op(byId).latencies(TestReports.spread(MS, 2 * MS, 30)).sql(byId, "SELECT owners").build(),
                op(byCity).latencies(TestReports.spread(MS, 2 * MS, 20)).sql(byCity, "SELECT owners").build(),
                op(insert).latencies(TestReports.spread(MS, 2 * MS, 10)).sql(insert, "INSERT visits").build()));

        CliRun run = CliRun.of("report", withSql, "--kind", "sql");

        assertThat(run.out).containsPattern("(?m) " + java.util.regex.Pattern.quote(byId) + "$")
                .containsPattern("(?m) " + java.util.regex.Pattern.quote(byCity) + "$")
                .containsPattern("(?m) INSERT visits$").doesNotContainPattern("(?m) SELECT owners$");
    }

    @Test
    void theHtmlPageShowsTheWholeTextOfAStatementWhoseNameIsCut() throws Exception {
        String text = "SELECT " + "a_rather_long_column, ".repeat(12) + "id FROM owners WHERE city = ?";
        String cut = text.substring(0, 180) + "... #1234abcd";
        Path withSql = TestReports.write(directory, "long.json", TestReports.report(
                op(cut).latencies(TestReports.spread(MS, 2 * MS, 30)).sql(text, "SELECT owners").build()));
        Path page = directory.resolve("long.html");

        CliRun run = CliRun.of("report", withSql, "--format", "html", "--out", page);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readString(page)).contains("<pre class=\"sql\">" + text + "</pre>");
    }

    @Test
    void anUnknownKindIsAUsageError() {
        CliRun run = CliRun.of("report", report, "--kind", "queries");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--kind takes sql, http-client, http, method, not 'queries'");
    }

    @Test
    void topAndByChooseTheRows() {
        CliRun run = CliRun.of("report", report, "--top", "1", "--by", "count");
        assertThat(run.out).contains("Top 1 of 3 operations by calls").contains("com.acme.Cache#get")
                .doesNotContainPattern("(?m)^ +2 ");
    }

    @Test
    void rankingByAFigureTheReportLacksIsOneClearError() {
        CliRun run = CliRun.of("report", report, "--by", "self");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("sonde report: " + report + ": --by self: the report has no total self time (recorded with that figure off, or by an older agent)");
    }

    @Test
    void markdownIsATableFitForAComment() {
        CliRun run = CliRun.of("report", report, "--format", "markdown");
        assertThat(run.out).startsWith("### sonde report: `report.json`")
                .contains("| # | calls | errors | total | mean | p50 | p95 | p99 | max | alloc/call | 2xx/3xx/4xx/5xx | operation |")
                .contains("| `com.acme.OrderService#place` |")
                .contains("- **highest p99**: 14.0 ms, `com.acme.OrderService#place`");
    }

    @Test
    void markdownKeepsTheDroppedOperationsAndTheWarningsThatTheTableShows() throws Exception {
        Report written = TestReports.report(op("com.acme.OrderService#place").latencies(TestReports.spread(MS, 2 * MS, 20)).build());
        written.dropped.operations = 7;
        written.warnings = java.util.List.of("unknown key 'inclde' ignored; did you mean 'include'?",
                "include pattern com.acme.Nope#* matched no method");
        Path warned = TestReports.write(directory, "warned.json", written);

        String table = CliRun.of("report", warned).out;
        String markdown = CliRun.of("report", warned, "--format", "markdown").out;

        String dropped = "Dropped: 7 operation names over max.operations; their calls are under (other).";
        assertThat(table).contains(dropped).contains("  - unknown key 'inclde' ignored; did you mean 'include'?");
        assertThat(markdown).as("a * or _ in a warning is not Markdown emphasis").contains("_" + dropped + "_")
                .contains("#### Warnings\n\n- unknown key 'inclde' ignored; did you mean 'include'?\n"
                        + "- include pattern com.acme.Nope#\\* matched no method\n");
    }

    @Test
    void jsonIsTheTopOperationsWithoutHistogramsAndTheFindingsAsNumbers() throws Exception {
        CliRun run = CliRun.of("report", report, "--format", "json", "--by", "p99", "--top", "2");
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.get("schema").asText()).isEqualTo("sonde-summary/1");
        assertThat(json.get("by").asText()).isEqualTo("p99");
        assertThat(json.get("operationsInReport").asInt()).isEqualTo(3);
        assertThat(json.get("operations")).hasSize(2);
        assertThat(json.get("operations").get(0).get("name").asText()).isEqualTo("com.acme.OrderService#place");
        assertThat(json.get("operations").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(json.get("operations").get(0).get("latencyNs").has("histogram")).isFalse();
        assertThat(json.get("findings").get(0).get("finding").asText()).isEqualTo("highestP99");
        assertThat(json.get("findings").get(0).get("unit").asText()).isEqualTo("ns");
    }

    @Test
    void outWritesTheFileAndSaysWhere() throws Exception {
        Path page = directory.resolve("pages/report.html");
        CliRun run = CliRun.of("report", report, "--format", "html", "--out", page);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.trim()).isEqualTo("sonde report: wrote " + page.toAbsolutePath());
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("com.acme.OrderService");
        try (var files = Files.list(page.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(page);
        }
    }

    @Test
    void wrongUsageIsExitTwoWithUsage() {
        assertThat(CliRun.of("report").exitCode).isEqualTo(2);
        CliRun badBy = CliRun.of("report", report, "--by", "speed");
        assertThat(badBy.exitCode).isEqualTo(2);
        assertThat(badBy.err).startsWith("sonde report: --by takes total|p99|p95|p50|mean|self|alloc|count|errors, not 'speed'")
                .contains("usage: java -jar sonde-agent.jar report FILE");
        assertThat(CliRun.of("report", report, "--top", "-1").exitCode).isEqualTo(2);
        assertThat(CliRun.of("report", report, "--format", "pdf").exitCode).isEqualTo(2);
        assertThat(CliRun.of("report", report, "--colour").err).startsWith("sonde report: unknown option --colour");
    }

    @Test
    void anEmptyReportSaysNothingWasRecorded() throws Exception {
        Path empty = TestReports.write(directory, "empty.json", TestReports.report());
        CliRun run = CliRun.of("report", empty);
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("No operations recorded").doesNotContain("Findings");
    }

    @Test
    void helpListsTheReportTools() {
        assertThat(CliRun.of("help").out).containsPattern("report +rank the operations")
                .containsPattern("diff +compare two reports").containsPattern("merge +merge reports");
    }

    private static int indexOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
