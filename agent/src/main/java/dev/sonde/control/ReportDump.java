package dev.sonde.control;

import dev.sonde.config.Config;
import dev.sonde.profile.ProfileLog;
import dev.sonde.profile.ProfileRecord;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.SnapshotBaseline;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;
import dev.sonde.report.ReportBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the running recording's reports: on demand, at shutdown, at detach. Their window starts
 * when recording started, or at the latest reset ({@code dump --reset}, the MBean's {@code reset});
 * the figures are the difference between cumulative snapshots ({@link SnapshotBaseline}), so a reset
 * discards nothing that interval reports still count.
 *
 * <p>Thread-safe: writes and resets are serialized on this object.
 */
final class ReportDump {

    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private final ProfileLog profiles;
    private final JsonReportWriter writer = new JsonReportWriter();
    private SnapshotBaseline baseline = SnapshotBaseline.START;
    private Instant windowStart;
    private RuntimeSample runtimeAtWindowStart;

    ReportDump(OperationRegistry registry, ThreadLocalRecorder recorder, ProfileLog profiles, Instant recordingStart) {
        this.registry = registry;
        this.recorder = recorder;
        this.profiles = profiles;
        this.windowStart = recordingStart;
    }

    /**
     * Samples the JVM's figures that the first window's {@code runtime} section starts from, unless
     * that is done. sonde's start does it as it begins to instrument (with {@code -javaagent} on its
     * set-up thread, not in premain: the first sample starts the platform MXBeans, some 20 ms that
     * every application's start would wait for); a report written before then does it itself.
     */
    synchronized void sampleRuntimeAtStart() {
        if (runtimeAtWindowStart == null) {
            runtimeAtWindowStart = RuntimeSample.take();
        }
    }

    /**
     * Writes a report of the current window.
     *
     * @param cumulative a snapshot taken at {@code takenAt}, since recording began
     */
    synchronized Path write(Config config, String trigger, Path file, List<OperationSnapshot> cumulative,
                            Instant takenAt) throws IOException {
        sampleRuntimeAtStart();
        Report report = report(withRunWarnings(config, recorder), trigger, windowStart, takenAt,
                baseline.since(cumulative), registry.droppedCount(), RuntimeSample.take().since(runtimeAtWindowStart));
        report.profiles = profileEntries(profiles.all());
        writer.write(report, file);
        return file;
    }

    /** Starts a new window at the moment {@code cumulative} was taken. */
    synchronized void reset(List<OperationSnapshot> cumulative, Instant takenAt) {
        baseline = SnapshotBaseline.of(cumulative);
        windowStart = takenAt;
        runtimeAtWindowStart = RuntimeSample.take();
    }

    synchronized Instant windowStart() {
        return windowStart;
    }

    /** A report of one window; every report sonde writes is made here. */
    static Report report(Config config, String trigger, Instant start, Instant end, List<OperationSnapshot> window,
                         long droppedOperations, Report.Runtime runtime) {
        Report report = new ReportBuilder()
                .trigger(trigger)
                .window(start, end)
                .agent(agent(config))
                .jvm(JvmFacts.describe())
                .operations(window)
                .dropped(droppedOperations)
                .warnings(config.warnings())
                .build();
        report.runtime = runtime;
        return report;
    }

    /** {@code config} with what went wrong while recording (advice that failed) added to its warnings. */
    static Config withRunWarnings(Config config, ThreadLocalRecorder recorder) {
        return config.withMoreWarnings(recorder.adviceFailureWarnings());
    }

    /** The report's {@code profiles}, or null (left out) when none was taken. */
    static List<Report.Profile> profileEntries(List<ProfileRecord> records) {
        if (records.isEmpty()) {
            return null;
        }
        List<Report.Profile> entries = new ArrayList<>();
        for (ProfileRecord record : records) {
            Report.Profile entry = new Report.Profile();
            entry.file = record.file() == null ? null : record.file().toAbsolutePath().toString();
            entry.event = record.event().label();
            entry.start = record.start().toString();
            entry.seconds = record.seconds();
            entry.reason = record.reason();
            record.slice().ifPresent(slice -> {
                entry.operation = slice.operation();
                entry.slice = slice.slice();
                entry.rule = slice.rule();
                entry.thresholdNs = slice.thresholdNanos() < 0 ? null : slice.thresholdNanos();
                entry.calls = slice.calls();
                entry.callsMade = slice.callsMade();
                entry.samples = slice.samples();
                entry.callsLeftOut = slice.callsLeftOut() > 0 ? slice.callsLeftOut() : null;
                entry.note = slice.note();
            });
            entries.add(entry);
        }
        return entries;
    }

    private static Report.Agent agent(Config config) {
        Report.Agent agent = new Report.Agent();
        agent.version = AgentVersion.current();
        agent.include = AgentControl.texts(config.includes());
        agent.exclude = AgentControl.texts(config.excludes());
        return agent;
    }
}
