package dev.sonde.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportWriterTest {

    @TempDir
    Path directory;

    private final JsonReportWriter writer = new JsonReportWriter();

    @Test
    void writesTheSchemaAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = directory.resolve("report.json");
        writer.write(report("a#b"), target);

        JsonNode json = writer.mapper().readTree(target.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("sonde-report/1");
        assertThat(json.get("operations").get(0).get("name").asText()).isEqualTo("a#b");
        assertThat(json.has("rankings")).as("null fields are left out").isFalse();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacesAnExistingReportWhole() throws IOException {
        Path target = directory.resolve("report.json");
        writer.write(report("first#op"), target);
        writer.write(report("second#op"), target);
        assertThat(Files.readString(target)).contains("second#op").doesNotContain("first#op");
    }

    @Test
    void failureLeavesThePreviousReportIntactAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("report.json");
        writer.write(report("kept#op"), target);
        Files.createDirectories(directory.resolve("blocked.json").resolve("inside"));

        assertThatThrownBy(() -> writer.write(report("x#y"), directory.resolve("blocked.json")))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).contains("kept#op");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "blocked.json");
        }
    }

    private static Report report(String operationName) {
        Report report = new Report();
        report.trigger = "on-demand";
        OperationReport operation = new OperationReport();
        operation.name = operationName;
        operation.kind = "method";
        operation.latencyNs = new OperationReport.LatencySummary();
        report.operations.add(operation);
        return report;
    }
}
