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
                "<html lang=\"en\" data-sonde-ready=\"4 rows, 4 charts\">");
        assertThat(page.stdout).contains("<pre id=\"sonde-errors\" hidden=\"\"></pre>");
        assertThat(nameCells(page.stdout)).containsExactly("com.acme.OrderService#place", "GET /api/owners/{id}",
                "com.acme.Cache#&lt;init&gt;", "com.acme.a&amp;b.Odd&quot;Name#m");
        assertThat(page.stdout).contains("<h2>Findings</h2>").contains("alloc/call").contains("HTTP status")
                .contains("<span class=\"status s5\">5xx 5</span>")
                .contains("<a href=\"flames/cpu-1.html\">cpu-1.html</a>");
        assertThat(count(page.stdout, "<svg class=\"chart\"")).isEqualTo(4);
        assertThat(count(page.stdout, "<polyline class=\"curve s0\"")).isEqualTo(4);
    }

    @Test
    void theRankingSortsByAColumnNamedInTheAddress() throws Exception {
        HeadlessChromium.Page page = chromium.dumpDom(reportPage.toUri() + "#sort=count-asc");

        assertThat(page.consoleLines()).isEmpty();
        assertThat(nameCells(page.stdout)).containsExactly("com.acme.a&amp;b.Odd&quot;Name#m", "com.acme.Cache#&lt;init&gt;",
                "GET /api/owners/{id}", "com.acme.OrderService#place");
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
                .contains("New in current (2)").contains("Vanished from current (1)");
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
        return TestReports.report(place, owners, constructor, odd);
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
