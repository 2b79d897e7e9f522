package dev.sonde.cli;

import dev.sonde.report.TestReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code --out} that cannot be written and a file name that is no path on this system are one
 * line that names the user's file (never sonde's temporary file, never a Java exception), exit 2.
 */
class UnusableOutputAndNamesTest {

    @TempDir
    Path directory;

    private Path good;

    @BeforeEach
    void writeReport() throws Exception {
        good = TestReports.write(directory, "good.json", TestReports.report(op("a#b").latencies(1, 2, 3).build()));
    }

    private List<Function<Object, CliRun>> commandsWritingTo() {
        return List.of(
                out -> CliRun.of("report", good, "--out", out),
                out -> CliRun.of("report", good, "--format", "html", "--out", out),
                out -> CliRun.of("diff", good, good, "--min-count", "1", "--out", out),
                out -> CliRun.of("merge", good, "--out", out));
    }

    @Test
    void anOutThatIsADirectoryIsOneLineNamingIt() throws Exception {
        Path existing = Files.createDirectories(directory.resolve("pages"));
        for (Function<Object, CliRun> command : commandsWritingTo()) {
            CliRun run = command.apply(existing);

            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                    .endsWith(": cannot write " + existing + ": is a directory, not a file");
        }
        try (var left = Files.list(existing)) {
            assertThat(left).as("no temporary file left behind").isEmpty();
        }
    }

    @Test
    void anOutUnderAFileSaysWhichPartIsNotADirectory() {
        for (Function<Object, CliRun> command : commandsWritingTo()) {
            CliRun run = command.apply(good.resolve("x.out"));

            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                    .endsWith(": cannot write " + good.resolve("x.out") + ": " + good + " is not a directory");
        }
    }

    @Test
    void anEmptyOutIsWrongUsage() {
        for (Function<Object, CliRun> command : commandsWritingTo()) {
            CliRun run = command.apply("");

            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines().get(0)).as(run.toString()).endsWith(": --out needs a file name, not an empty one");
            assertThat(run.err).contains("usage: java -jar sonde-agent.jar");
        }
        assertThat(CliRun.of("dump", "4242", "--out=").errLines().get(0)).isEqualTo("sonde dump: --out needs a file name, not an empty one");
    }

    @Test
    void aFileNameThatIsNoPathHereIsOneLineNotAJavaException() {
        String name = "bad\0name.json";
        for (CliRun run : List.of(CliRun.of("report", name), CliRun.of("diff", good, name), CliRun.of("merge", name, "--out", "m.json"),
                CliRun.of("report", good, "--out", name))) {
            assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                    .matches("sonde (report|diff|merge): bad\\\\0name\\.json: a file name cannot contain a NUL character");
        }
    }
}
