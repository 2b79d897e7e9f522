package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a series of interval reports against their fixed-rate schedule: numbered 1, 2, 3, ..., each
 * window starting where the one before ended, and the n-th ending at the series' start plus n intervals,
 * never early and at most {@code lateness} late. A late end is made up by the next window, so judging
 * each end against the schedule (not each window's length) holds on a machine that stalls for a second.
 */
final class WindowSchedule {

    private WindowSchedule() {
    }

    static void assertFollowed(List<Path> reports, Duration interval, Duration lateness) throws Exception {
        List<Instant> ends = new ArrayList<>();
        String previousEnd = null;
        for (int i = 0; i < reports.size(); i++) {
            assertThat(reports.get(i).getFileName().toString()).endsWith(String.format(Locale.ROOT, "-%06d.json", i + 1));
            JsonNode window = ReportFile.read(reports.get(i)).root().get("window");
            if (previousEnd != null) {
                assertThat(window.get("start").asText()).as("window " + (i + 1) + " starts where the one before ended")
                        .isEqualTo(previousEnd);
            }
            previousEnd = window.get("end").asText();
            ends.add(Instant.parse(previousEnd));
        }
        // The schedule's origin is unknown (the series starts once sonde is set up): the least late
        // window fixes it, and every window is judged against it.
        long originNanos = Long.MAX_VALUE;
        for (int n = 0; n < ends.size(); n++) {
            originNanos = Math.min(originNanos, nanos(ends.get(n)) - (n + 1) * interval.toNanos());
        }
        for (int n = 0; n < ends.size(); n++) {
            long late = nanos(ends.get(n)) - (n + 1) * interval.toNanos() - originNanos;
            assertThat(Duration.ofNanos(late)).as("how late window %d ended against the schedule", n + 1)
                    .isLessThanOrEqualTo(lateness);
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
