package dev.sonde.report.diff;

import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the pull-request comment and the HTML page show metrics the calls cannot decide: apart from
 * the regressions, with the reason in words, and never as a failure.
 */
class InconclusiveOutputTest {

    private static final long MS = 1_000_000;

    /**
     * {@code place}: 200 calls whose slowest few double, too few calls to bound a p99; {@code charge}:
     * 20 calls, their p50 13 % higher, within the noise of 20 calls.
     */
    private final ReportDiff diff = ReportDiff.of(
            TestReports.file("base.json", TestReports.report(
                    op("com.acme.OrderService#place").latencies(TestReports.spread(10 * MS, 20 * MS, 200)).build(),
                    op("com.acme.PaymentService#charge").latencies(TestReports.spread(10 * MS, 20 * MS, 20)).build())),
            TestReports.file("current.json", TestReports.report(
                    op("com.acme.OrderService#place").latencies(concat(TestReports.spread(10 * MS, 20 * MS, 196),
                            TestReports.spread(40 * MS, 40 * MS, 4))).build(),
                    op("com.acme.PaymentService#charge").latencies(TestReports.spread(10 * MS, 24 * MS, 20)).build())),
            new DiffRule(DiffRule.DEFAULT_THRESHOLD_PERCENT, List.of(Metric.P50, Metric.P99), 10, MS, 1024));

    @Test
    void theMarkdownCommentPassesAndListsEachInconclusiveMetricWithItsReason() {
        String markdown = written(new DiffMarkdownWriter()::write);

        assertThat(markdown).startsWith("### ✅ sonde diff: no regression in 2 compared operations, 2 inconclusive\n")
                .doesNotContain("| operation | metric |")
                .contains("**Inconclusive, never failing** (3)\n\n")
                .containsPattern("(?m)^- `com\\.acme\\.OrderService#place`: p99 \\+100\\.\\d%, 200 calls each: p99 needs ≥ 555 calls at 95%$")
                .containsPattern("(?m)^- `com\\.acme\\.PaymentService#charge`: p50 \\+\\d+\\.\\d% \\(95% CI -\\d+\\.\\d%…\\+\\d+\\.\\d%\\),"
                        + " 20 calls each: the interval of the change takes in 0: within the noise of this many calls$");
    }

    @Test
    void theMarkdownComparisonMarksAnInconclusiveMetricWithAQuestionMark() {
        String markdown = written(new DiffMarkdownWriter()::write);

        assertThat(markdown).containsPattern("(?m)^\\| inconclusive \\| 200 → 200 \\| .* \\| \\+100\\.\\d% \\? \\| `com\\.acme\\.OrderService#place` \\|$");
    }

    @Test
    void theHtmlPageIsNotARegressionAndMarksTheUndecidedChangesWithTheirReasons() {
        String html = written(new DiffHtmlWriter()::write);

        assertThat(html).contains("<span class=\"verdict good\">OK: no regression in 2 compared operations, 2 inconclusive</span>")
                .doesNotContain("class=\"regressed\"")
                .contains("<tr class=\"inconclusive\">")
                .containsPattern("<td data-v=\"100\\.\\d+\" class=\"inconclusive\" title=\"[^\"]*p99 needs ≥ 555 calls at 95%\">\\+100\\.\\d% \\?</td>")
                .contains("<h2>Inconclusive, never failing (3)</h2>")
                .containsPattern("<li>com\\.acme\\.PaymentService#charge: p50 \\+\\d+\\.\\d% \\(95% CI [^)]*\\), 20 calls each:"
                        + " the interval of the change takes in 0: within the noise of this many calls</li>");
    }

    private static long[] concat(long[] first, long[] second) {
        return LongStream.concat(LongStream.of(first), LongStream.of(second)).toArray();
    }

    private String written(BiConsumer<ReportDiff, PrintWriter> writer) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            writer.accept(diff, out);
        }
        return text.toString();
    }
}
