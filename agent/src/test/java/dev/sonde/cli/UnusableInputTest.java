package dev.sonde.cli;

import dev.sonde.report.TestReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command given a file it cannot use says so in one line and exits 2, never with a stack trace. */
class UnusableInputTest {

    @TempDir
    static Path directory;

    private static Path good;
    private static final Map<String, String> BAD_FILES = Map.ofEntries(
            Map.entry("empty.json", ""),
            Map.entry("text.json", "this is not json"),
            Map.entry("truncated.json", "{\"schema\": \"sonde-report/1\", \"operations\": [{\"name\": \"a#b\", \"co"),
            Map.entry("array.json", "[]"),
            Map.entry("two-reports.json", "{\"schema\": \"sonde-report/1\", \"operations\": []}\n{\"schema\": \"sonde-report/1\", \"operations\": []}"),
            Map.entry("foreign.json", "{\"name\": \"some other tool\", \"version\": 3}"),
            Map.entry("newer.json", "{\"schema\": \"sonde-report/2\", \"operations\": []}"),
            Map.entry("broken-operation.json", "{\"schema\": \"sonde-report/1\", \"operations\": [{\"name\": \"a#b\", \"count\": 3}]}"),
            Map.entry("operations-not-a-list.json", "{\"schema\": \"sonde-report/1\", \"operations\": {\"a#b\": 3}}"),
            Map.entry("numeric-schema.json", "{\"schema\": 1, \"operations\": []}"),
            Map.entry("garbled-histogram.json", "{\"schema\": \"sonde-report/1\", \"operations\": [{\"name\": \"a#b\", \"count\": 3,"
                    + " \"latencyNs\": {\"histogram\": \"AAAA\"}}]}"));

    @BeforeAll
    static void writeFiles() throws Exception {
        good = TestReports.write(directory, "good.json", TestReports.report(op("a#b").latencies(1, 2, 3).build()));
        for (Map.Entry<String, String> file : BAD_FILES.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(directory.resolve("a-directory.json"));
    }

    static Stream<Arguments> commandsGivenUnusableFiles() {
        List<String> names = new ArrayList<>(BAD_FILES.keySet());
        names.add("missing.json");
        names.add("a-directory.json");
        List<Function<Path, Object[]>> commands = List.of(
                bad -> new Object[] {"report", bad},
                bad -> new Object[] {"report", bad, "--format", "html", "--out", directory.resolve("never.html")},
                bad -> new Object[] {"diff", bad, good},
                bad -> new Object[] {"diff", good, bad},
                bad -> new Object[] {"merge", good, bad, "--out", directory.resolve("never.json")});
        return names.stream().sorted().flatMap(name -> commands.stream()
                .map(command -> command.apply(directory.resolve(name)))
                .map(args -> Arguments.of(name, args)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("commandsGivenUnusableFiles")
    void anUnusableReportIsOneLineAndExitTwo(String name, Object[] args) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                .startsWith("sonde " + args[0] + ": " + directory.resolve(name) + ": ")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("\tat ");
        assertThat(directory.resolve("never.html")).doesNotExist();
        assertThat(directory.resolve("never.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mergeOnlyProblems")
    void aReportThatCannotBeMergedExactlyIsOneLineAndExitTwo(String name, String histogram) throws Exception {
        String json = Files.readString(good).replaceFirst("\"histogram\" : \"[^\"]*\"", histogram);
        Path file = Files.writeString(directory.resolve(name), json);

        CliRun run = CliRun.of("merge", good, file, "--out", directory.resolve("never.json"));

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("sonde merge: " + file + ": operations[0] (a#b)");
        assertThat(CliRun.of("report", file).exitCode).as("report and diff do not need the histogram").isZero();
    }

    static Stream<Arguments> mergeOnlyProblems() {
        return Stream.of(Arguments.of("no-histogram.json", "\"unused\" : 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedReportIsRefusedInTheSameWordsByEveryCommand(String name) {
        Path bad = directory.resolve(name);
        List<CliRun> runs = List.of(
                CliRun.of("report", bad),
                CliRun.of("report", bad, "--format", "html", "--out", directory.resolve("never.html")),
                CliRun.of("report", bad, "--format", "markdown"),
                CliRun.of("diff", good, bad),
                CliRun.of("merge", good, bad, "--out", directory.resolve("never.json")));

        for (CliRun run : runs) {
            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                    .matches("sonde (report|diff|merge): " + java.util.regex.Pattern.quote(runs.get(0).err.substring("sonde report: ".length()).trim()));
        }
    }

    static Stream<String> damagedFiles() {
        return Stream.of("garbled-histogram.json", "operations-not-a-list.json", "numeric-schema.json");
    }
}
