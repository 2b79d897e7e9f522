package dev.sonde.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.stream.Stream;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportReaderTest {

    @TempDir
    Path directory;

    private final ReportReader reader = new ReportReader();

    @Test
    void readsBackWhatTheAgentWrites() throws Exception {
        Report written = TestReports.report(op("a#b").latencies(100, 200, 300).errors(1).alloc(64).build());
        ReportFile read = reader.read(TestReports.write(directory, "r.json", written));

        assertThat(read.report()).usingRecursiveComparison().isEqualTo(written);
        assertThat(read.path()).isEqualTo(directory.resolve("r.json"));
        assertThat(read.profiles()).isEmpty();
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndReadsTheProfilesSection() throws Exception {
        String json = Files.readString(TestReports.write(directory, "r.json", TestReports.report(op("a#b").latencies(5).build())))
                .replaceFirst("\\{", "{ \"runtime\": {\"cpuPercent\": 3.5}, \"futureField\": [1, 2],"
                        + " \"profiles\": [{\"file\": \"flame-cpu.html\", \"event\": \"cpu\", \"start\": \"2026-11-23T12:00:10Z\","
                        + " \"seconds\": 30, \"reason\": \"on-demand\"}, {\"event\": \"no file: skipped\"}],");
        ReportFile read = reader.read(write("future.json", json));

        assertThat(read.report().operations).extracting(o -> o.name).containsExactly("a#b");
        assertThat(read.profiles()).singleElement().satisfies(profile -> {
            assertThat(profile.file()).isEqualTo("flame-cpu.html");
            assertThat(profile.event()).isEqualTo("cpu");
            assertThat(profile.seconds()).isEqualTo(30.0);
            assertThat(profile.reason()).isEqualTo("on-demand");
        });
    }

    @Test
    void sectionsAFeatureLeftOutStayAbsent() throws Exception {
        ReportFile read = reader.read(TestReports.write(directory, "r.json", TestReports.report(op("a#b").latencies(5).build())));
        OperationReport operation = read.report().operations.get(0);
        assertThat(operation.selfNs).isNull();
        assertThat(operation.allocBytes).isNull();
        assertThat(operation.http).isNull();
        assertThat(read.report().rankings.bySelfTime).isNull();
    }

    static Stream<Arguments> unusableFiles() {
        String valid = "{\"schema\": \"sonde-report/1\", \"operations\": [";
        return Stream.of(
                Arguments.of("empty", "", "is empty, not a sonde report"),
                Arguments.of("only whitespace", " \n\t\n", "is empty, not a sonde report"),
                Arguments.of("not JSON", "hello, world", "is not JSON (line 1, column 1: Unrecognized token 'hello')"),
                Arguments.of("HTML", "<!DOCTYPE html><html></html>", "is not JSON (line 1, column 1: Unexpected character ('<' (code 60)))"),
                Arguments.of("truncated", valid + "{\"name\": \"a#b\", \"cou", "is truncated: the JSON ends early"),
                Arguments.of("trailing garbage", "{\"schema\": \"sonde-report/1\", \"operations\": []} }", "is not JSON"),
                Arguments.of("a JSON array", "[1, 2]", "is not a sonde report (the JSON is not an object)"),
                Arguments.of("no schema", "{\"operations\": []}", "is not a sonde report (no \"schema\" field)"),
                Arguments.of("another schema", "{\"schema\": \"sonde-diff/1\"}", "is not a sonde report (schema \"sonde-diff/1\""),
                Arguments.of("a newer schema", "{\"schema\": \"sonde-report/2\", \"operations\": {}}",
                        "has schema sonde-report/2, which this sonde does not read (it reads sonde-report/1)"),
                Arguments.of("no operations", "{\"schema\": \"sonde-report/1\", \"operations\": null}", "\"operations\" is missing"),
                Arguments.of("an operation without latency", valid + "{\"name\": \"a#b\", \"count\": 1}]}",
                        "operations[0] (a#b) has no latencyNs"),
                Arguments.of("an operation without name", valid + "{\"count\": 1, \"latencyNs\": {}}]}", "operations[0] has no name"),
                Arguments.of("a count that is not a number", valid + "{\"name\": \"a#b\", \"count\": \"many\"}]}",
                        "is not a valid sonde report: operations[0].count is not a whole number"),
                Arguments.of("operations that are not a list", "{\"schema\": \"sonde-report/1\", \"operations\": {\"a\": 1}}",
                        "is not a valid sonde report: operations is not a list"),
                Arguments.of("a schema that is a number", "{\"schema\": 1, \"operations\": []}",
                        "is not a sonde report (schema 1; report, diff and merge read \"sonde-report/1\")"),
                Arguments.of("a garbled histogram", valid + "{\"name\": \"a#b\", \"count\": 1, \"latencyNs\": {\"histogram\": \"AAAA\"}}]}",
                        "is not a valid sonde report: operations[0] (a#b): latencyNs.histogram cannot be decoded"),
                Arguments.of("a self-time histogram that is not base64", valid + "{\"name\": \"a#b\", \"count\": 1, \"latencyNs\": {},"
                        + " \"selfNs\": {\"histogram\": \"%%%\"}}]}",
                        "is not a valid sonde report: operations[0] (a#b): selfNs.histogram cannot be decoded"),
                Arguments.of("a negative count", valid + "{\"name\": \"a#b\", \"count\": -1, \"latencyNs\": {}}]}",
                        "operations[0] (a#b) has a negative count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void anUnusableFileIsOneLineNamingTheFileAndTheProblem(String what, String contents, String problem) throws IOException {
        Path file = write("bad.json", contents);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableReportException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("java.")
                .hasMessageNotContaining("Cannot deserialize");
    }

    @Test
    void aMissingFileIsSaidSo() {
        Path missing = directory.resolve("nope.json");
        assertThatThrownBy(() -> reader.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void aDirectoryIsNotAReport() {
        assertThatThrownBy(() -> reader.read(directory)).hasMessage(directory + ": is a directory, not a report file");
    }

    @Test
    void aReportCutShortAtAnyPointIsRecognisedAsTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(TestReports.write(directory, "r.json",
                TestReports.report(op("a#b").latencies(100, 200).build(), op("c#d").latencies(5).build())));
        String text = new String(whole, StandardCharsets.UTF_8).stripTrailing();
        for (int length = 1; length < text.length() - 1; length += 7) {
            Path cut = write("cut.json", text.substring(0, length));
            assertThatThrownBy(() -> reader.read(cut)).as("cut at %d", length)
                    .isInstanceOf(UnreadableReportException.class)
                    .hasMessageNotContaining("\n");
        }
        assertThat(reader.read(write("whole.json", new String(Arrays.copyOf(whole, whole.length), StandardCharsets.UTF_8)))).isNotNull();
    }

    private Path write(String name, String contents) throws IOException {
        return Files.writeString(directory.resolve(name), contents, StandardCharsets.UTF_8);
    }

    @Test
    void aReportCutAnywhereIsSaidToBeTruncated() throws Exception {
        String whole = Files.readString(TestReports.write(directory, "r.json",
                TestReports.report(op("a#b").latencies(100, 200, 300).errors(1).alloc(64).build())));
        List<String> misjudged = new ArrayList<>();
        for (int end = 1; end < whole.trim().length(); end++) {
            Path cut = write("cut.json", whole.substring(0, end));
            try {
                reader.read(cut);
                misjudged.add(end + ": read as a whole report");
            } catch (UnreadableReportException e) {
                if (!e.getMessage().contains("is truncated") && !whole.substring(0, end).isBlank()) {
                    misjudged.add(end + ": " + e.getMessage());
                }
            }
        }
        assertThat(misjudged).as("cut points not reported as truncated").isEmpty();
    }
}
