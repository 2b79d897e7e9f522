package dev.sonde.it;

import com.acme.testapp.ReportWritingApp;
import com.acme.testapp.TimingApp;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports are written whole or not at all: when the JVM is killed mid-write, when the disk is full,
 * when the report's place is taken. Every failure is one {@code [sonde]} line and the application
 * ends as it would without sonde.
 */
class ReportWritingFaultsIT {

    /** What sonde leaves in out: reports, interval logs, and (after a kill) hidden temporary files. */
    private static final Pattern REPORT = Pattern.compile("sonde-(report|dump|interval)-\\d+-[\\d-]+\\.json");
    private static final Pattern LOG = Pattern.compile("sonde-interval-\\d+-[\\d-]+\\.hlog");
    private static final Pattern TEMPORARY = Pattern.compile("\\.sonde-(report|dump|interval)-.*\\.json\\d*\\.tmp");
    private static final int KILLS = 4;
    private static final boolean KILLED = true;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reportIsNeverHalfWrittenWhenKilledMidWrite(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("kill9-" + jdk.major());
        Path out = work.resolve("out");
        Random random = new Random(jdk.major());
        for (int kill = 1; kill <= KILLS; kill++) {
            // 500 operations (a report of ~250 KB) and two threads dumping without pause: sonde is writing
            // a report most of the time, so a kill often lands in a write.
            ForkedJvm.Running app = ForkedJvm.on(jdk)
                    .withAgent("include=com.acme.generated.**,interval=200ms,out=" + out)
                    .classpath(TestPaths.testClasspath())
                    .mainClass(ReportWritingApp.class, "5", "100", "2", "0", "60")
                    .timeout(Duration.ofSeconds(30))
                    .start(work.resolve("run-" + kill));
            Poll.until(Duration.ofSeconds(40), "the first on-demand report",
                    () -> app.stdoutSoFar().contains("writing") || !app.isAlive(), app::stderrSoFar);
            Thread.sleep(random.nextInt(700));
            assertThat(app.isAlive()).as(app.stderrSoFar()).isTrue();
            ProcessHandle.of(app.pid()).orElseThrow().destroyForcibly();
            ProcessHandle.of(app.pid()).ifPresent(process -> process.onExit().join());
            assertEveryReportComplete(out, KILLED);
        }
        histogramsRead = 0;
        assertEveryReportComplete(out, KILLED);
        List<String> names = names(out);
        assertThat(names).as("reports of every kind were written")
                .anyMatch(name -> name.startsWith("sonde-dump-"))
                .anyMatch(name -> name.startsWith("sonde-interval-") && name.endsWith(".json"));
        assertThat(names).as("names in " + out).allMatch(name -> REPORT.matcher(name).matches()
                || LOG.matcher(name).matches() || TEMPORARY.matcher(name).matches());
        System.out.printf("kill -9 x %d on %s: %d reports, %d hlogs (%d histograms), %d temporary files left%n", KILLS,
                jdk, count(names, REPORT), count(names, LOG), histogramsRead, count(names, TEMPORARY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aFullDiskIsOneLineAndLeavesNoPartialReport(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("diskfull-" + jdk.major());
        Path full = Files.createDirectories(work.resolve("full"));
        try (SmallFileSystem disk = SmallFileSystem.mount(full, "64k")) {
            disk.fill();
            ForkedJvm.Result result = ForkedJvm.on(jdk)
                    .withAgent("include=com.acme.testapp.OrderService,interval=100ms,out=" + full)
                    .mainClass(TimingApp.class)
                    .run(work.resolve("app"));

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stdout()).contains("timing-app done, caught 7 of 7");
            assertThat(result.stderr()).as(result.describe()).doesNotContain("\tat ", "Exception in thread");
            assertThat(result.sondeLines()).as(result.describe())
                    .anyMatch(line -> line.startsWith("[sonde] interval reports are off: cannot write to " + full)
                            && line.contains("No space left on device"))
                    .noneMatch(line -> line.contains("report written"));
            assertThat(result.sondeLines()).filteredOn(line -> line.contains("could not write the report")).as("said once")
                    .singleElement().matches(line -> line.startsWith("[sonde] could not write the report to " + full)
                            && line.endsWith(": no space left on device"));
            assertThat(names(full)).as("no report, partial or temporary").containsOnly(SmallFileSystem.FILLER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aDiskThatFillsUpWhileRunningCostsTheWindowsThatDoNotFitAndNothingElse(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("diskfills-" + jdk.major());
        Path disk = Files.createDirectories(work.resolve("disk"));
        try (SmallFileSystem small = SmallFileSystem.mount(disk, "1m");
             LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                     .withAgent("include=com.acme.testapp.OrderService#checksum,interval=200ms,out=" + disk),
                     work.resolve("app"))) {
            Poll.until(Duration.ofSeconds(10), "two interval reports",
                    () -> IntervalReportsIT.intervalReports(disk).size() >= 2, app::describe);
            small.fill();
            Poll.until(Duration.ofSeconds(10), "a window that does not fit",
                    () -> app.stderr().contains("interval report failed"), app::describe);
            Thread.sleep(1_000);
            small.empty();
            int before = IntervalReportsIT.intervalReports(disk).size();
            Poll.until(Duration.ofSeconds(10), "windows again once there is room",
                    () -> IntervalReportsIT.intervalReports(disk).size() > before, app::describe);
            ForkedJvm.Result end = app.stop();

            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).as(end.describe()).doesNotContain("\tat ", "Exception in thread");
            assertThat(end.sondeLines().stream().filter(line -> line.contains("interval report failed")))
                    .as("said once while the disk is full, not once a window").hasSize(1);
            assertEveryReportComplete(disk);
            assertThat(names(disk)).noneMatch(name -> name.endsWith(".tmp"));
            assertThat(names(disk)).anyMatch(name -> name.startsWith("sonde-report-"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aReportWhosePlaceIsTakenByADirectoryIsOneLineAndTheDirectoryIsLeftAlone(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("taken-" + jdk.major());
        Path out = work.resolve("out");
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.OrderService#place,out=" + out), work.resolve("app"))) {
            // sonde says where the report goes once it is set up, which may come after the app's "ready".
            Poll.until(Duration.ofSeconds(30), "sonde's start line", () -> app.stderr().contains("report at exit: "),
                    app::describe);
            Matcher planned = Pattern.compile("report at exit: (\\S+\\.json)").matcher(app.stderr());
            assertThat(planned.find()).as(app.describe()).isTrue();
            Path taken = Path.of(planned.group(1));
            Files.createDirectories(taken);
            Files.writeString(taken.resolve("keep-me"), "mine");
            app.burst();
            ForkedJvm.Result end = app.stop();

            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).doesNotContain("\tat ", "Exception in thread");
            assertThat(end.sondeLines()).filteredOn(line -> line.contains("could not write the report")).as(end.describe())
                    .singleElement().matches(line -> line.startsWith("[sonde] could not write the report to " + taken));
            assertThat(Files.readString(taken.resolve("keep-me"))).isEqualTo("mine");
            assertThat(names(out)).containsOnly(taken.getFileName().toString());
        }
    }

    @Test
    void outReplacedByAFileWhileRunningIsOneLineAtExitAndTheFileIsLeftAlone() throws Exception {
        Jdks.Jdk jdk = Jdks.current();
        Path work = TestPaths.workDirectory("replaced-" + jdk.major());
        Path out = work.resolve("out");
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.OrderService#place,out=" + out), work.resolve("app"))) {
            app.burst();
            Files.delete(out);
            Files.writeString(out, "not a directory any more");
            ForkedJvm.Result end = app.stop();

            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).doesNotContain("\tat ", "Exception in thread");
            assertThat(end.sondeLines()).filteredOn(line -> line.contains("could not write the report")).as(end.describe())
                    .singleElement().matches(line -> line.startsWith("[sonde] could not write the report to " + out));
            assertThat(Files.readString(out)).isEqualTo("not a directory any more");
        }
    }

    /** Interval histograms read back by {@link #assertEveryReportComplete}, for the figures printed. */
    private static long histogramsRead;

    /** Every report in {@code out} parses as complete JSON, and every {@code .hlog} reads to its end. */
    static void assertEveryReportComplete(Path out) throws Exception {
        assertEveryReportComplete(out, !KILLED);
    }

    /**
     * As {@link #assertEveryReportComplete(Path)}; after a kill, a log's last line may be cut: a
     * kill during a write of many pages can stop it between two.
     */
    private static void assertEveryReportComplete(Path out, boolean killed) throws Exception {
        for (String name : names(out)) {
            Path file = out.resolve(name);
            if (REPORT.matcher(name).matches()) {
                ReportFile report = ReportFile.read(file);
                assertThat(report.root().get("schema").asText()).as(name).isEqualTo("sonde-report/1");
                assertThat(report.root().get("operations")).as(name).isNotNull();
            } else if (LOG.matcher(name).matches()) {
                // A cut-off line would throw here. A log killed before its first window has only its header.
                Path whole = killed ? withoutCutLastLine(file) : file;
                try (HistogramLogReader reader = new HistogramLogReader(whole.toFile())) {
                    while (reader.nextIntervalHistogram() != null) {
                        histogramsRead++;
                    }
                }
            }
        }
    }

    /** A copy of {@code log} without a last line that has no line end (cut by a kill). */
    private static Path withoutCutLastLine(Path log) throws IOException {
        String text = Files.readString(log);
        Path copy = Files.createTempFile("whole-lines", ".hlog");
        copy.toFile().deleteOnExit();
        return Files.writeString(copy, text.substring(0, text.lastIndexOf('\n') + 1));
    }

    static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static long count(List<String> names, Pattern pattern) {
        return names.stream().filter(name -> pattern.matcher(name).matches()).count();
    }

    /**
     * A tmpfs of a few kilobytes mounted for one test, to fill up. Needs root (CI runs as root, as
     * does the machine the suite is developed on); where mounting is not permitted the test is skipped.
     */
    static final class SmallFileSystem implements AutoCloseable {

        static final String FILLER = "filler";

        private final Path mountPoint;

        private SmallFileSystem(Path mountPoint) {
            this.mountPoint = mountPoint;
        }

        static SmallFileSystem mount(Path mountPoint, String size) throws Exception {
            int exit = command("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", mountPoint.toString());
            Assumptions.assumeTrue(exit == 0, "cannot mount a tmpfs here (not root?); disk-full test skipped");
            return new SmallFileSystem(mountPoint);
        }

        /** Writes until the file system is full. */
        void fill() throws IOException {
            byte[] block = new byte[1024];
            try (OutputStream filler = Files.newOutputStream(mountPoint.resolve(FILLER))) {
                while (true) {
                    filler.write(block);
                    filler.flush();
                }
            } catch (IOException full) {
                if (!String.valueOf(full.getMessage()).contains("No space left")) {
                    throw full;
                }
            }
        }

        void empty() throws IOException {
            Files.deleteIfExists(mountPoint.resolve(FILLER));
        }

        @Override
        public void close() throws Exception {
            command("umount", "-l", mountPoint.toString());
        }

        private static int command(String... words) throws Exception {
            Process process = new ProcessBuilder(words).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
    }
}
