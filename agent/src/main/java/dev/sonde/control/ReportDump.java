package dev.sonde.control;

import dev.sonde.config.Config;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;
import dev.sonde.report.ReportBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Takes a snapshot of everything recorded and writes it as a report file. Thread-safe. */
final class ReportDump {

    private final Config config;
    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private final Instant recordingStart;
    private final JsonReportWriter writer = new JsonReportWriter();

    ReportDump(Config config, OperationRegistry registry, ThreadLocalRecorder recorder, Instant recordingStart) {
        this.config = config;
        this.registry = registry;
        this.recorder = recorder;
        this.recordingStart = recordingStart;
    }

    synchronized Path write(String trigger, Path file) throws IOException {
        Report report = new ReportBuilder()
                .trigger(trigger)
                .window(recordingStart, Instant.now())
                .agent(agent())
                .jvm(JvmFacts.describe())
                .operations(recorder.snapshot())
                .dropped(registry.droppedCount())
                .warnings(config.warnings())
                .build();
        writer.write(report, file);
        return file;
    }

    private Report.Agent agent() {
        Report.Agent agent = new Report.Agent();
        agent.version = AgentVersion.current();
        agent.include = AgentControl.texts(config.includes());
        agent.exclude = AgentControl.texts(config.excludes());
        return agent;
    }
}
