package dev.sonde.report;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.zip.DataFormatException;

import static dev.sonde.report.TestReports.START;
import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code top}'s windows: the later of two cumulative reports minus the earlier one. */
class TopWindowBetweenReportsTest {

    private static final long MS = 1_000_000;

    @Test
    void theWindowHoldsOnlyTheCallsMadeBetweenTheTwoReportsWithTheirOwnPercentiles() throws Exception {
        Report earlier = TestReports.report(START, START.plusSeconds(10),
                op("a").latencies(900 * MS, 900 * MS, 900 * MS).errors(1).build());
        Report later = TestReports.report(START, START.plusSeconds(12),
                op("a").latencies(900 * MS, 900 * MS, 900 * MS, 2 * MS, 2 * MS, 2 * MS, 2 * MS).errors(3).build());

        Report window = WindowBetweenReports.between(earlier, later);

        OperationReport a = window.operations.get(0);
        assertThat(window.window.seconds).isEqualTo(2.0);
        assertThat(a.count).isEqualTo(4);
        assertThat(a.errors).isEqualTo(2);
        assertThat(a.throughputPerSec).isEqualTo(2.0);
        assertThat(a.latencyNs.total).isEqualTo(8 * MS);
        assertThat(a.latencyNs.p99).as("the slow calls before the window are not in it").isLessThan(3 * MS);
        assertThat(a.latencyNs.max).isLessThan(3 * MS);
    }

    @Test
    void anOperationNotCalledInTheWindowIsLeftOutAndANewOneIsTakenWhole() throws Exception {
        Report earlier = TestReports.report(START, START.plusSeconds(1), op("idle").latencies(MS).build());
        Report later = TestReports.report(START, START.plusSeconds(2), op("idle").latencies(MS).build(),
                op("new").latencies(MS, MS).build());

        Report window = WindowBetweenReports.between(earlier, later);

        assertThat(window.operations).extracting(o -> o.name).containsExactly("new");
        assertThat(window.operations.get(0).count).isEqualTo(2);
    }

    @Test
    void anOperationWhoseCallsInTheWindowWereAllCancelledIsShownWithItsCancelledCount() throws Exception {
        Report earlier = TestReports.report(START, START.plusSeconds(1), op("ticks").latencies(MS).cancelled(2).build());
        Report later = TestReports.report(START, START.plusSeconds(2), op("ticks").latencies(MS).cancelled(5).build(),
                op("never").latencies().cancelled(3).build());

        Report window = WindowBetweenReports.between(earlier, later);

        assertThat(window.operations).extracting(o -> o.name).containsExactly("ticks", "never");
        assertThat(window.operations).extracting(o -> o.count).containsExactly(0L, 0L);
        assertThat(window.operations).extracting(o -> o.cancelled).containsExactly(3L, 3L);
        assertThat(window.operations.get(0).latencyNs.p99).isZero();
    }

    @Test
    void selfTimeAllocationAndHttpStatusAreSubtractedToo() throws Exception {
        Report earlier = TestReports.report(START, START.plusSeconds(1), op("GET /x").latencies(MS).self(MS).alloc(100)
                .http("GET", "/x", Map.of("2xx", 1L, "5xx", 0L)).build());
        Report later = TestReports.report(START, START.plusSeconds(2), op("GET /x").latencies(MS, MS, MS).self(MS, MS, MS)
                .alloc(100, 300, 300).http("GET", "/x", Map.of("2xx", 2L, "5xx", 1L)).build());

        OperationReport x = WindowBetweenReports.between(earlier, later).operations.get(0);

        assertThat(x.selfNs.total).isEqualTo(2 * MS);
        assertThat(x.allocBytes.total).isEqualTo(600);
        assertThat(x.allocBytes.mean).isEqualTo(300);
        assertThat(x.http.status).containsEntry("2xx", 1L).containsEntry("5xx", 1L);
    }

    @Test
    void aLaterReportWithFewerCallsIsAnotherRecordingAndSaysSo() {
        Report earlier = TestReports.report(START, START.plusSeconds(1), op("a").latencies(MS, MS).build());
        Report later = TestReports.report(START, START.plusSeconds(2), op("a").latencies(MS).build());

        assertThatThrownBy(() -> WindowBetweenReports.between(earlier, later))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("not the same recording");
    }
}
