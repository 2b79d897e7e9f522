package dev.sonde.cli;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertCommandTest {

    @TempDir
    Path directory;

    @Test
    void badInputIsOneLineWithExitTwo() throws Exception {
        Path notJfr = Files.writeString(directory.resolve("notes.jfr"), "not a recording");
        Path missing = directory.resolve("missing.jfr");
        Path html = directory.resolve("out.html");

        assertOneLine(CliRun.of("convert", missing, "--out", html), "sonde convert: " + missing + ": no such file");
        assertOneLine(CliRun.of("convert", notJfr, "--out", html),
                "sonde convert: " + notJfr + " is not a recording async-profiler's converter can read: ");
        assertOneLine(CliRun.of("convert", recording(), "--out", directory.resolve("no/such/dir/out.html")),
                "sonde convert: cannot write " + directory.resolve("no/such/dir/out.html") + ": ");
        assertThat(html).doesNotExist();
    }

    @Test
    void wrongUsageNamesTheProblemAndPrintsTheUsage() {
        assertUsage(CliRun.of("convert"), "sonde convert: which recording? give one RECORDING.jfr");
        assertUsage(CliRun.of("convert", "a.jfr", "b.jfr", "--out", "x.html"), "sonde convert: one recording at a time, not 2");
        assertUsage(CliRun.of("convert", "a.jfr"), "sonde convert: --out FILE is required (FILE.html or FILE.collapsed)");
        assertUsage(CliRun.of("convert", "a.jfr", "--out", "x.svg"),
                "sonde convert: --out x.svg: name it FILE.html or FILE.collapsed, the format follows the name");
        assertUsage(CliRun.of("convert", "a.jfr", "--out", "x.html", "--event", "gc"),
                "sonde convert: --event is cpu, wall, alloc, lock or itimer, not 'gc'");
    }

    private static void assertOneLine(CliRun run, String start) {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).as(run.toString()).hasSize(1).first().asString().startsWith(start);
        assertThat(run.out).isEmpty();
    }

    private static void assertUsage(CliRun run, String firstLine) {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(Main.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo(firstLine);
        assertThat(run.err).contains("usage: java -jar sonde-agent.jar convert");
    }

    /**
     * A JDK Flight Recorder file: readable by the converter, though without async-profiler's samples
     * (FlameGraphIT draws a real profile's recording).
     */
    private Path recording() throws Exception {
        Path file = directory.resolve("jdk-" + System.nanoTime() + ".jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }
}
