package dev.sonde.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigLoader;
import dev.sonde.profile.ProfileLog;
import dev.sonde.profile.ProfileRecords;
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
    private final ProfileLog profiles = new ProfileLog();

    @Test
    void everyWindowIsAReportOfItsOwnAndTheLogAddsUpToEveryCall() throws Exception {
        IntervalReports intervals = start("interval=100ms,out=" + dir);
        long calls = recordUntilWindows(intervals, 6);
        intervals.finish(recorder.snapshot(), Instant.now());
        long windows = intervals.windowsWritten();

        List<Path> reports = intervalReports();
        assertThat(reports).hasSize((int) windows);
        JsonNode newest = new ObjectMapper().readTree(reports.get(reports.size() - 1).toFile());
        assertThat(newest.get("trigger").asText()).isEqualTo("interval");
        assertThat(newest.get("runtime").get("threads").asInt()).isPositive();
        assertThat(newest.has("profiles")).as("no profile was taken").isFalse();

        long logged = 0;
        int lines = 0;
        List<Path> logs = files(".hlog");
        assertThat(logs).hasSize(1);
        try (HistogramLogReader reader = new HistogramLogReader(logs.get(0).toFile())) {
            while (reader.hasNext()) {
                EncodableHistogram histogram = reader.nextIntervalHistogram();
                logged += ((org.HdrHistogram.Histogram) histogram).getTotalCount();
                lines++;
            }
        }
        assertThat(logged).as("the log's windows add up to every call").isEqualTo(calls);
        assertThat(lines).as("a line per window that had calls").isBetween(1, (int) windows);
    }

    @Test
    void keepBoundsTheWindowReportsAndTheLogParts() throws Exception {
        IntervalReports intervals = start("interval=100ms,keep=2,out=" + dir);
        recordUntilWindows(intervals, 7);
        intervals.finish(recorder.snapshot(), Instant.now());
        long windows = intervals.windowsWritten();

        List<Path> reports = intervalReports();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1).getFileName().toString()).endsWith(String.format("-%06d.json", windows));
        List<Path> logs = files(".hlog");
        assertThat(logs).as("parts of 2 windows, the newest two kept").hasSize(2);
        long newestPartStart = (windows - 1) / 2 * 2 + 1;
        assertThat(logs.get(1).getFileName().toString()).endsWith(String.format("-%06d.hlog", newestPartStart));
    }

    @Test
    void aWindowReportListsTheProfilesThatEndedInItsWindow() throws Exception {
        IntervalReports intervals = start("interval=10s,out=" + dir);
        profiles.add(ProfileRecords.scheduled(dir.resolve("a.html")));
        intervals.finish(recorder.snapshot(), Instant.now());
        profiles.add(ProfileRecords.scheduled(dir.resolve("b.html")));

        JsonNode only = new ObjectMapper().readTree(intervalReports().get(0).toFile());
        assertThat(only.get("profiles")).hasSize(1);
        assertThat(only.get("profiles").get(0).get("file").asText()).endsWith("a.html");
    }

    @Test
    void aWindowReportCountsTheAdviceFailuresSinceRecordingBegan() throws Exception {
        IntervalReports intervals = start("interval=10s,out=" + dir);
        for (int i = 0; i < 3; i++) {
            recorder.adviceFailed(new IllegalStateException("recycled"), "com.acme.Orders#place");
        }
        intervals.finish(recorder.snapshot(), Instant.now());

        JsonNode only = new ObjectMapper().readTree(intervalReports().get(0).toFile());
        assertThat(only.get("warnings")).hasSize(1);
        assertThat(only.get("warnings").get(0).asText())
                .isEqualTo("advice failed 3 times in com.acme.Orders#place: first IllegalStateException: recycled");
    }

    private IntervalReports start(String arguments) throws Exception {
        Config config = new ConfigLoader(Map.of(), Map.of()).load(arguments);
        IntervalReports intervals = new IntervalReports(config, recorder, registry, profiles, List.of(), Instant.now());
        intervals.start();
        return intervals;
    }

    /** Records calls until {@code windows} windows were written; returns how many calls. */
    private long recordUntilWindows(IntervalReports intervals, int windows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long calls = 0;
        while (intervals.windowsWritten() < windows && System.nanoTime() < deadline) {
            recorder.record(place, 1_000, false);
            calls++;
            Thread.sleep(1);
        }
        return calls;
    }

    @Test
    void afterFinishNoWindowIsWrittenAnyMore() throws Exception {
        IntervalReports intervals = start("interval=100ms,out=" + dir);
        recorder.record(place, 1_000, false);
        intervals.finish(recorder.snapshot(), Instant.now());
        long written = intervals.windowsWritten();
        Thread.sleep(350);
        assertThat(intervals.windowsWritten()).isEqualTo(written);
        assertThat(intervalReports()).hasSize((int) written);
    }

    private List<Path> intervalReports() throws Exception {
        return files(".json");
    }

    private List<Path> files(String extension) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("sonde-interval-") && f.toString().endsWith(extension))
                    .sorted().collect(Collectors.toList());
        }
    }
}
