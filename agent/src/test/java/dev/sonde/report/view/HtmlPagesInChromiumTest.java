package dev.sonde.report.view;

import dev.sonde.cli.Main;
import dev.sonde.report.OperationReport;
import dev.sonde.report.Report;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML pages of {@code report} and {@code diff}, rendered by a real browser (Debian's
 * Chromium, headless, no network): they load without a script or console error, show the ranking
 * and a chart per operation, sort, and leave screenshots in {@code target/html-pages/} to look at.
 */
class HtmlPagesInChromiumTest {

    private static final long MS = 1_000_000;
    private static final Path WORK = Paths.get("target/html-pages").toAbsolutePath();
    private static final String STATEMENT = "SELECT id, name FROM owners WHERE id = ?";
    private static final Pattern NAME_CELL = Pattern.compile("<td class=\"name\" data-v=\"([^\"]*)\"");

    private static HeadlessChromium chromium;
    private static Path reportPage;
    private static Path diffPage;

    @BeforeAll
    static void renderPages() throws Exception {
        StringBuilder whyNot = new StringBuilder();
        chromium = HeadlessChromium.find(WORK.resolve("browser"), whyNot).orElse(null);
        Assumptions.assumeTrue(chromium != null, () -> "SKIPPED: Chromium is not installed and could not be installed ("
                + whyNot + "); the HTML pages were not checked in a browser");

        Path reportFile = TestReports.write(WORK, "report.json", richReport());
        Files.writeString(reportFile, Files.readString(reportFile).replaceFirst("\\{", "{ \"profiles\": [{\"file\": "
                + "\"flames/cpu-1.html\", \"event\": \"cpu\", \"start\": \"2026-11-23T12:00:10Z\", \"seconds\": 30, \"reason\": \"on-demand\"}],"));
        Files.createDirectories(WORK.resolve("flames"));
        Files.writeString(WORK.resolve("flames/cpu-1.html"), "<!DOCTYPE html><title>flame graph</title>");
        reportPage = WORK.resolve("report.html");
        assertThat(Main.run(new String[] {"report", reportFile.toString(), "--format", "html", "--out", reportPage.toString()})).isZero();

        Path base = TestReports.write(WORK, "base.json", TestReports.report(
                op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 12 * MS, 200)).build(),
                op("GET /api/owners/{id}").latencies(TestReports.spread(MS, 30 * MS, 100)).build(),
                op("com.acme.Gone#op").latencies(TestReports.spread(20_000, 90_000, 500)).build()));
        diffPage = WORK.resolve("diff.html");
        assertThat(Main.run(new String[] {"diff", base.toString(), reportFile.toString(), "--format", "html",
                "--out", diffPage.toString(), "--min-count", "1"})).isEqualTo(1);
    }

    @Test
    void theReportPageRendersWithoutErrorsAndShowsTheRankingAndAChartPerOperation() throws Exception {
        HeadlessChromium.Page page = chromium.dumpDom(reportPage.toUri().toString());

        assertThat(page.exitCode).as(page.toString()).isZero();
        assertThat(page.consoleLines()).as("console messages").isEmpty();
        assertThat(htmlTag(page.stdout)).as("set by the page's script once it has run").isEqualTo(
                "<html lang=\"en\" data-sonde-kind=\"all\" data-sonde-ready=\"5 rows, 5 charts\">");
        assertThat(page.stdout).contains("<pre id=\"sonde-errors\" hidden=\"\"></pre>");
        assertThat(nameCells(page.stdout)).containsExactly("com.acme.OrderService#place", "GET /api/owners/{id}",
                STATEMENT, "com.acme.Cache#&lt;init&gt;", "com.acme.a&amp;b.Odd&quot;Name#m");
        assertThat(page.stdout).contains("<h2>Findings</h2>").contains("alloc/call").contains("HTTP status")
                .contains("<span class=\"status s5\">5xx 5</span>")
                .contains("<a href=\"flames/cpu-1.html\">cpu-1.html</a>");
        assertThat(count(page.stdout, "<svg class=\"chart\"")).isEqualTo(5);
        assertThat(count(page.stdout, "<polyline class=\"curve s0\"")).isEqualTo(5);
        assertThat(page.stdout).as("nothing hidden before a kind is chosen").doesNotContain(" hidden=\"\" data-kind")
                .doesNotContainPattern("<(tr|figure)[^>]* hidden");
    }

    @Test
    void theKindNamedInTheAddressShowsOnlyThatKindsRowsAndCharts() throws Exception {
        HeadlessChromium.Page page = chromium.dumpDom(reportPage.toUri() + "#sort=count-asc&kind=sql");

        assertThat(page.consoleLines()).isEmpty();
        assertThat(htmlTag(page.stdout)).contains("data-sonde-kind=\"sql\"");
        assertThat(page.stdout).contains("<button type=\"button\" data-kind=\"sql\" aria-pressed=\"true\">sql")
                .contains("<button type=\"button\" data-kind=\"\" aria-pressed=\"false\">all <span class=\"count\">5</span>")
                .contains("<button type=\"button\" data-kind=\"method\" aria-pressed=\"false\">method <span class=\"count\">3</span>");
        assertThat(visible(page.stdout, "tr")).hasSize(1).allMatch(row -> row.contains(STATEMENT));
        assertThat(visible(page.stdout, "figure")).hasSize(1).allMatch(chart -> chart.contains("latency by percentile: " + STATEMENT));
        assertThat(nameCells(page.stdout)).as("still sorted by the address's column").startsWith(
                "com.acme.a&amp;b.Odd&quot;Name#m");
    }

    @Test
    void theRankingSortsByAColumnNamedInTheAddress() throws Exception {
        HeadlessChromium.Page page = chromium.dumpDom(reportPage.toUri() + "#sort=count-asc");

        assertThat(page.consoleLines()).isEmpty();
        assertThat(nameCells(page.stdout)).containsExactly("com.acme.a&amp;b.Odd&quot;Name#m", "com.acme.Cache#&lt;init&gt;",
                STATEMENT, "GET /api/owners/{id}", "com.acme.OrderService#place");
        assertThat(page.stdout).contains("data-key=\"count\" data-type=\"num\" tabindex=\"0\" aria-sort=\"ascending\"");
    }

    @Test
    void theDiffPageShowsBaseAndCurrentSideBySideWithTheRegressionHighlighted() throws Exception {
        HeadlessChromium.Page page = chromium.dumpDom(diffPage.toUri().toString());

        assertThat(page.consoleLines()).as("console messages").isEmpty();
        assertThat(htmlTag(page.stdout)).isEqualTo("<html lang=\"en\" data-sonde-ready=\"2 rows, 4 charts\">");
        assertThat(page.stdout).contains("<span class=\"verdict bad\">Regression: ")
                .contains("<tr class=\"regressed\">")
                .contains("<th colspan=\"3\">p99</th>").contains("data-key=\"p99Base\"").contains("data-key=\"p99Current\"")
                .contains("<polyline class=\"curve base\"").contains("<polyline class=\"curve current regressed\"")
                .contains("New in current (3)").contains("Vanished from current (1)");
    }

    @Test
    void thePagesNeedNoNetwork() throws Exception {
        for (Path page : List.of(reportPage, diffPage)) {
            assertThat(Files.readString(page)).as(page.toString())
                    .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//")
                    .doesNotContainPattern("(?i)@import|url\\(");
        }
    }

    @Test
    void screenshotsOfBothPagesAreLeftInTarget() throws Exception {
        for (Path page : List.of(reportPage, diffPage)) {
            Path png = WORK.resolve(page.getFileName().toString().replace(".html", ".png"));
            HeadlessChromium.Page run = chromium.screenshot(page.toUri().toString(), png, 1280, 1800);

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(png).exists();
            assertThat(pngSize(png)).containsExactly(1280, 1800);
            assertThat(Files.size(png)).as("a page, not a blank image").isGreaterThan(30_000);
        }
    }

    private static Report richReport() {
        OperationReport place = op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 16 * MS, 200)).errors(2)
                .self(TestReports.spread(MS, 2 * MS, 200)).alloc(TestReports.spread(1024, 4096, 200)).build();
        OperationReport owners = op("GET /api/owners/{id}").latencies(TestReports.spread(MS, 30 * MS, 100)).errors(5)
                .self(TestReports.spread(MS, 2 * MS, 100)).alloc(TestReports.spread(100, 9000, 100))
                .http("GET", "/api/owners/{id}", Map.of("2xx", 90L, "4xx", 5L, "5xx", 5L)).build();
        OperationReport constructor = op("com.acme.Cache#<init>").latencies(TestReports.spread(200, 900, 50)).build();
        OperationReport odd = op("com.acme.a&b.Odd\"Name#m").latencies(TestReports.spread(100, 200, 10)).build();
        OperationReport statement = op(STATEMENT).latencies(TestReports.spread(MS, 3 * MS, 60))
                .sql(STATEMENT, "SELECT owners").build();
        return TestReports.report(place, owners, statement, constructor, odd);
    }

    private static List<String> nameCells(String dom) {
        String table = dom.substring(dom.indexOf("id=\"main-table\""), dom.indexOf("</table>", dom.indexOf("id=\"main-table\"")));
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME_CELL.matcher(table);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Opening tags of the ranking's rows or the charts ({@code element} tr or figure) the filter left visible. */
    private static List<String> visible(String dom, String element) {
        List<String> shown = new ArrayList<>();
        Matcher matcher = Pattern.compile("<" + element + "( [^>]*)?>.*?</" + element + ">", Pattern.DOTALL).matcher(dom);
        while (matcher.find()) {
            String opening = matcher.group().substring(0, matcher.group().indexOf('>'));
            if (opening.contains("data-kind") && !opening.contains(" hidden")) {
                shown.add(matcher.group());
            }
        }
        return shown;
    }

    /** The opening {@code <html>} tag, where the page's script leaves its marks. */
    private static String htmlTag(String dom) {
        int start = dom.indexOf("<html");
        return dom.substring(start, dom.indexOf('>', start) + 1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Width and height from the PNG header (the IHDR chunk). */
    private static List<Integer> pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[16];
            data.readFully(signature);
            assertThat(signature[1]).isEqualTo((byte) 'P');
            return List.of(data.readInt(), data.readInt());
        }
    }
}
