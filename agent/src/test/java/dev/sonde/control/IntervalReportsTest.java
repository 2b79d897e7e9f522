package dev.sonde.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigLoader;
import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalReportsTest {

    @TempDir
    Path dir;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final int place = registry.register("com.acme.Orders#place", OperationKind.METHOD);

    @Test
    void everyWindowIsAReportOfItsOwnAndTheNewestKeepAreKeptWhileTheLogKeepsAll() throws Exception {
        Config config = new ConfigLoader(Map.of(), Map.of()).load("interval=100ms,keep=3,out=" + dir);
        IntervalReports intervals = new IntervalReports(config, recorder, registry, List.of(), Instant.now());
        intervals.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long calls = 0;
        while (intervals.windowsWritten() < 6 && System.nanoTime() < deadline) {
            recorder.record(place, 1_000, false);
            calls++;
            Thread.sleep(1);
        }
        List<OperationSnapshot> last = recorder.snapshot();
        intervals.finish(last, Instant.now());
        long windows = intervals.windowsWritten();

        List<Path> reports = intervalReports();
        assertThat(reports).hasSize(3);
        assertThat(reports.get(2).getFileName().toString()).endsWith(String.format("-%06d.json", windows));
        JsonNode newest = new ObjectMapper().readTree(reports.get(2).toFile());
        assertThat(newest.get("trigger").asText()).isEqualTo("interval");
        assertThat(newest.get("runtime").get("threads").asInt()).isPositive();

        long logged = 0;
        int lines = 0;
        try (Stream<Path> files = Files.list(dir);
             HistogramLogReader reader = new HistogramLogReader(files.filter(f -> f.toString().endsWith(".hlog"))
                     .findFirst().orElseThrow().toFile())) {
            while (reader.hasNext()) {
                EncodableHistogram histogram = reader.nextIntervalHistogram();
                logged += ((org.HdrHistogram.Histogram) histogram).getTotalCount();
                lines++;
            }
        }
        assertThat(logged).as("the log's windows add up to every call").isEqualTo(calls);
        assertThat(lines).isLessThanOrEqualTo((int) windows).isGreaterThanOrEqualTo((int) windows - 1);
    }

    @Test
    void afterFinishNoWindowIsWrittenAnyMore() throws Exception {
        Config config = new ConfigLoader(Map.of(), Map.of()).load("interval=100ms,out=" + dir);
        IntervalReports intervals = new IntervalReports(config, recorder, registry, List.of(), Instant.now());
        intervals.start();
        recorder.record(place, 1_000, false);
        intervals.finish(recorder.snapshot(), Instant.now());
        long written = intervals.windowsWritten();
        Thread.sleep(350);
        assertThat(intervals.windowsWritten()).isEqualTo(written);
        assertThat(intervalReports()).hasSize((int) written);
    }

    private List<Path> intervalReports() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("sonde-interval-") && f.toString().endsWith(".json"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
