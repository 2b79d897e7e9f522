package dev.sonde.report.view;

import dev.sonde.report.OperationReport;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ranking table says of asynchronous calls: no allocation figure it cannot vouch for, and cancellations. */
class RankingTableTest {

    @Test
    void anOperationWithoutMeasuredAllocationShowsADashAndCancellationsFollowItsName() {
        OperationReport measured = TestReports.op("a.Sync#call").latencies(1_000, 2_000).alloc(64, 64).build();
        OperationReport async = TestReports.op("a.Async#call").latencies(5_000_000).alloc().build();
        async.allocBytes.unavailable = 1;
        OperationReport cancelledOnly = TestReports.op("a.Async#ticks").latencies().cancelled(4).build();

        String table = RankingTable.of(ReportView.of(TestReports.file("r.json",
                TestReports.report(measured, async, cancelledOnly)), OperationOrder.TOTAL, 10), name -> name).toText("");

        assertThat(table).containsPattern("64 B +a\\.Sync#call")
                .containsPattern("- +a\\.Async#call\\n")
                .contains("a.Async#ticks (4 cancelled)");
    }
}
