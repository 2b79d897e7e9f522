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

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RotatingIntervalLogTest {

    private static final Instant SERIES_START = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final int place = registry.register("com.acme.Orders#place", OperationKind.METHOD);

    @Test
    void onlyTheNewestTwoPartsStayAndTheyReadAsOneLogWhenConcatenated() throws Exception {
        try (RotatingIntervalLog log = new RotatingIntervalLog(dir, 42, SERIES_START, 3)) {
            log.open();
            appendWindows(log, 7);
        }

        assertThat(hlogNames()).containsExactly(
                "sonde-interval-42-20261123-120000-000-000004.hlog",
                "sonde-interval-42-20261123-120000-000-000007.hlog");
        List<EncodableHistogram> read = readConcatenated();
        assertThat(read).extracting(h -> ((Histogram) h).getTotalCount())
                .as("window n holds n calls; windows 1-3 went with the oldest part")
                .containsExactly(4L, 5L, 6L, 7L);
        assertThat(read).extracting(EncodableHistogram::getStartTimeStamp)
                .as("every part counts time from the series start")
                .containsExactly(ms(30), ms(40), ms(50), ms(60));
    }

    @Test
    void aSeriesShorterThanOnePartIsOneFile() throws Exception {
        try (RotatingIntervalLog log = new RotatingIntervalLog(dir, 42, SERIES_START, 100)) {
            log.open();
            appendWindows(log, 5);
        }
        assertThat(hlogNames()).containsExactly("sonde-interval-42-20261123-120000-000-000001.hlog");
        assertThat(readConcatenated()).hasSize(5);
    }

    /** Window n (from 1) is 10 s long and holds n calls. */
    private void appendWindows(RotatingIntervalLog log, int count) throws Exception {
        SnapshotBaseline baseline = SnapshotBaseline.START;
        for (int window = 1; window <= count; window++) {
            for (int i = 0; i < window; i++) {
                recorder.record(place, 1_000, false);
            }
            List<OperationSnapshot> cumulative = recorder.snapshot();
            log.append(SERIES_START.plusSeconds((window - 1) * 10L), SERIES_START.plusSeconds(window * 10L),
                    baseline.since(cumulative));
            baseline = SnapshotBaseline.of(cumulative);
        }
    }

    private static long ms(int secondsAfterStart) {
        return SERIES_START.toEpochMilli() + secondsAfterStart * 1000L;
    }

    private List<String> hlogNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".hlog")).sorted()
                    .collect(Collectors.toList());
        }
    }

    private List<EncodableHistogram> readConcatenated() throws Exception {
        Path joined = dir.resolve("joined.log");
        try (OutputStream out = Files.newOutputStream(joined)) {
            for (String name : hlogNames()) {
                Files.copy(dir.resolve(name), out);
            }
        }
        List<EncodableHistogram> read = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(joined.toFile())) {
            while (reader.hasNext()) {
                read.add(reader.nextIntervalHistogram());
            }
        }
        return read;
    }
}
