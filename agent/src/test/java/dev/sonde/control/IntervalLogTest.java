package dev.sonde.control;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.SnapshotBaseline;
import dev.sonde.record.ThreadLocalRecorder;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalLogTest {

    @TempDir
    Path dir;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));

    @Test
    void hdrHistogramsOwnReaderReadsOneTaggedHistogramPerOperationPerWindow() throws Exception {
        int place = registry.register("com.acme.Orders#place", OperationKind.METHOD);
        int route = registry.register("GET /api/owners/{id}, v2", OperationKind.HTTP);
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        Path file = dir.resolve("series.hlog");
        SnapshotBaseline baseline = SnapshotBaseline.START;
        try (IntervalLog log = new IntervalLog(file, start)) {
            for (int window = 0; window < 3; window++) {
                for (int i = 0; i < 10 * (window + 1); i++) {
                    recorder.record(place, 1_000 + i, false);
                }
                recorder.record(route, 2_000_000, false);
                List<OperationSnapshot> cumulative = recorder.snapshot();
                log.append(start.plusSeconds(window * 10L), start.plusSeconds(window * 10L + 10), baseline.since(cumulative));
                baseline = SnapshotBaseline.of(cumulative);
            }
        }

        List<EncodableHistogram> read = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            while (reader.hasNext()) {
                read.add(reader.nextIntervalHistogram());
            }
        }
        assertThat(read).hasSize(6);
        assertThat(read).extracting(EncodableHistogram::getTag)
                .containsExactly("com.acme.Orders#place", "GET_/api/owners/{id}__v2", "com.acme.Orders#place",
                        "GET_/api/owners/{id}__v2", "com.acme.Orders#place", "GET_/api/owners/{id}__v2");
        assertThat(read.stream().filter(h -> h.getTag().equals("com.acme.Orders#place"))
                .mapToLong(h -> ((Histogram) h).getTotalCount())).containsExactly(10L, 20L, 30L);
        assertThat(read.get(4).getStartTimeStamp()).as("absolute milliseconds from the log's start time")
                .isEqualTo(start.toEpochMilli() + 20_000);
        assertThat(read.get(4).getEndTimeStamp()).isEqualTo(start.toEpochMilli() + 30_000);
        assertThat(Files.readAllLines(file)).filteredOn(line -> line.startsWith("#[tag"))
                .containsExactly("#[tag GET_/api/owners/{id}__v2 = operation GET /api/owners/{id}, v2]");
    }

    @Test
    void tagsKeepNamesThatAreValidTagsAndReplaceSpacesAndCommas() {
        assertThat(IntervalLog.tag("com.acme.Orders#place")).isEqualTo("com.acme.Orders#place");
        assertThat(IntervalLog.tag("(other)")).isEqualTo("(other)");
        assertThat(IntervalLog.tag("POST /a b,c")).isEqualTo("POST_/a_b_c");
    }

}
