package dev.sonde.report.view;

import dev.sonde.report.OperationReport;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class PercentileChartTest {

    @Test
    void theTailAxisGoesAsDeepAsTheCallCountSupports() {
        assertThat(PercentileChart.deepestLevel(1)).isEqualTo(90);
        assertThat(PercentileChart.deepestLevel(99)).isEqualTo(90);
        assertThat(PercentileChart.deepestLevel(100)).isEqualTo(99);
        assertThat(PercentileChart.deepestLevel(1_300)).isEqualTo(99.9);
        assertThat(PercentileChart.deepestLevel(50_000_000)).isEqualTo(99.9999);
    }

    @Test
    void yTicksAreRoundSteps() {
        assertThat(PercentileChart.tickStep(14_700_000)).isEqualTo(5_000_000);
        assertThat(PercentileChart.tickStep(520_600_000)).isEqualTo(200_000_000);
        assertThat(PercentileChart.tickStep(3)).isEqualTo(1);
        assertThat(PercentileChart.tickStep(0)).isEqualTo(1);
    }

    @Test
    void theCurveRisesToTheExactMaximumAndNeverAboveIt() {
        OperationReport operation = op("a#b").latencies(TestReports.spread(1_000, 123_457, 1000)).build();
        PercentileCurve curve = PercentileCurve.of(operation.latencyNs.histogram, operation.latencyNs.max).orElseThrow();

        assertThat(curve.count()).isEqualTo(1000);
        assertThat(curve.points()).allSatisfy(point -> assertThat(point[1]).isLessThanOrEqualTo(123_457));
        assertThat(curve.points().get(curve.points().size() - 1)).containsExactly(100.0, 123_457.0);
        assertThat(curve.points()).extracting(point -> point[0]).isSorted();
    }

    @Test
    void noHistogramMeansNoCurve() {
        assertThat(PercentileCurve.of(null, 5)).isEmpty();
        assertThat(PercentileCurve.of("not a histogram", 5)).isEmpty();
    }

    @Test
    void twoCurvesShareTheAxesAndGetALegend() {
        OperationReport base = op("a#b").latencies(TestReports.spread(1_000, 2_000, 200)).build();
        OperationReport current = op("a#b").latencies(TestReports.spread(1_000, 4_000, 200)).build();
        String svg = PercentileChart.svg("a <chart>", List.of(
                new PercentileChart.Series("base", "base", PercentileCurve.of(base.latencyNs.histogram, 2_000).orElseThrow()),
                new PercentileChart.Series("current", "current", PercentileCurve.of(current.latencyNs.histogram, 4_000).orElseThrow())));

        assertThat(svg).startsWith("<svg class=\"chart\"").contains("aria-label=\"a &lt;chart&gt;\"")
                .contains("<polyline class=\"curve base\"").contains("<polyline class=\"curve current\"")
                .contains(">base</text>").contains(">current</text>").contains(">4.0 µs</text>").contains(">99%</text>");
    }

    @Test
    void flameGraphLinksAreRelativeToThePageWhenItsPlaceIsKnown() {
        Path report = Path.of("/data/run/sonde-report.json");
        assertThat(new ProfileLinks(Path.of("/data/pages/report.html")).href(report, "flames/cpu 1.html"))
                .isEqualTo("../run/flames/cpu%201.html");
        assertThat(new ProfileLinks(null).href(report, "/tmp/flame.html")).isEqualTo("file:///tmp/flame.html");
    }
}
