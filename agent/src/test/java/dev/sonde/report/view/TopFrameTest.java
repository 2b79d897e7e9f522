package dev.sonde.report.view;

import dev.sonde.report.Report;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class TopFrameTest {

    private static final long MS = 1_000_000;
    private static final List<String> HEADER = List.of("sonde top · JVM 4242");

    private final Report window = TestReports.report(TestReports.START, TestReports.START.plusSeconds(2),
            op("GET /api/slow").latencies(90 * MS, 95 * MS).http("GET", "/api/slow", Map.of("2xx", 2L)).build(),
            op("com.example.shop.PricingService#computePrice").latencies(MS, MS, MS, MS, MS, MS).build(),
            op("GET /api/flaky").latencies(5 * MS, 5 * MS, 5 * MS).errors(3).http("GET", "/api/flaky", Map.of("5xx", 3L)).build());

    @Test
    void aFrameListsTheWindowsOperationsByP99WithRatesAndPercentiles() {
        List<String> lines = new TopFrame(HEADER, window, TopSettings.sortedBy(OperationOrder.P99), List.of()).lines();

        assertThat(lines.get(0)).isEqualTo("sonde top · JVM 4242");
        assertThat(lines.get(1)).startsWith("last 2.0 s · 3 of 3 operations · by p99 latency, highest first · kind all");
        assertThat(lines.get(3)).contains("calls/s", "errors", "p50", "p99", "max", "total").endsWith("operation");
        assertThat(lines.get(4)).startsWith("    1.0").endsWith("GET /api/slow");
        assertThat(lines.get(5)).contains("3").endsWith("GET /api/flaky");
        assertThat(lines.get(6)).startsWith("    3.0").endsWith("PricingService#computePrice");
    }

    @Test
    void theNextOrderAndReverseChangeTheOrderOfTheRows() {
        TopSettings byTotal = TopSettings.sortedBy(OperationOrder.P99).nextOrder();
        assertThat(byTotal.order()).isEqualTo(OperationOrder.TOTAL);

        List<String> reversedCount = new TopFrame(HEADER, window, TopSettings.sortedBy(OperationOrder.COUNT).reverse(),
                List.of()).lines();

        assertThat(reversedCount.get(1)).contains("by calls, lowest first");
        assertThat(reversedCount.get(4)).endsWith("GET /api/slow");
        assertThat(reversedCount.get(6)).endsWith("PricingService#computePrice");
    }

    @Test
    void kindAndFilterNarrowTheRowsAndTheHeadingSaysSo() {
        TopFrame frame = new TopFrame(HEADER, window, TopSettings.sortedBy(OperationOrder.P99), List.of());
        assertThat(frame.kinds()).containsExactly("http", "method");

        TopSettings methodsOnly = frame.settings().nextKind(frame.kinds()).nextKind(frame.kinds());
        assertThat(frame.with(methodsOnly).lines()).anyMatch(line -> line.endsWith("computePrice"))
                .noneMatch(line -> line.endsWith("GET /api/slow"));

        List<String> filtered = frame.with(frame.settings().filter("FLAKY")).lines();
        assertThat(filtered.get(1)).contains("1 of 3 operations", "filter \"FLAKY\"");
        assertThat(filtered).anyMatch(line -> line.endsWith("GET /api/flaky")).hasSize(5);
    }

    @Test
    void inASmallTerminalRowsScrollAndLongNamesAreShortenedFromTheLeftKeepingTheMethod() {
        List<String> footer = List.of("keys");
        TopFrame frame = new TopFrame(HEADER, window, TopSettings.sortedBy(OperationOrder.P99).scrollBy(5), footer);

        List<String> lines = frame.fitted(75, 7);

        assertThat(lines).hasSize(7).allMatch(line -> line.length() <= 75);
        assertThat(lines.get(1)).contains("(2-3 shown)");
        assertThat(lines.get(5)).contains("  ..").endsWith("Service#computePrice");
        assertThat(lines.get(6)).isEqualTo("keys");
    }

    @Test
    void scrollingStopsAtTheLastRowSoTheFirstKeyBackUpMovesAtOnce() {
        // Six rows: the header line, the heading, a blank, the column names, one operation and the
        // footer line: one row of the three shows at a time.
        TopFrame frame = new TopFrame(HEADER, window, TopSettings.sortedBy(OperationOrder.P99), List.of("keys"));

        TopFrame atTheBottom = frame.scrolledBy(1, 6).scrolledBy(100, 6);
        assertThat(atTheBottom.fitted(100, 6).get(1)).contains("(3-3 shown)");
        assertThat(atTheBottom.scrolledBy(-1, 6).fitted(100, 6).get(1)).contains("(2-2 shown)");
        assertThat(atTheBottom.scrolledBy(-100, 6).fitted(100, 6).get(1)).contains("(1-1 shown)");
        assertThat(frame.scrolledBy(1, 30).settings().scroll()).as("nothing to scroll when all rows show").isZero();
    }

    @Test
    void namesAreCutAtAPackageBoundaryWhenTheyCanBe() {
        assertThat(TopFrame.shortenFromLeft("com.example.shop.PricingService#computePrice", 36))
                .isEqualTo("..shop.PricingService#computePrice");
        assertThat(TopFrame.shortenFromLeft("short#name", 36)).isEqualTo("short#name");
        assertThat(TopFrame.shortenFromLeft("GET /api/owners/{ownerId}/pets", 12)).isEqualTo("..erId}/pets");
    }

    @Test
    void beforeTheFirstWindowTheFrameSaysItIsCollectingOne() {
        List<String> lines = new TopFrame(HEADER, null, TopSettings.sortedBy(OperationOrder.P99), List.of("keys")).lines();

        assertThat(lines).containsExactly("sonde top · JVM 4242", "collecting the first window...", "keys");
    }
}
