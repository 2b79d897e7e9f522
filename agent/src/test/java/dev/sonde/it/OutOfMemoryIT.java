package dev.sonde.it;

import com.acme.testapp.OutOfMemoryApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that runs out of heap ({@code -Xmx32m}) gets its {@link OutOfMemoryError} from
 * sonde unchanged, and ends as it would without sonde. sonde's own threads (interval windows every
 * 200 ms, so they work while the heap is full) say at most one line, never a stack trace, and the
 * report at exit is complete JSON or not there with a line saying why.
 */
class OutOfMemoryIT {

    private static final String FILL = "com.acme.testapp.OutOfMemoryApp#fillInside";
    private static final String AFTERWARDS = "com.acme.testapp.OutOfMemoryApp#afterwards";
    private static final String HEAP = "-Xmx32m";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void outOfMemoryInsideAndOutsideTimedMethodsReachesTheApplicationAsTheSameError(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("oom-caught-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result without = ForkedJvm.on(jdk).jvmOption(HEAP)
                .mainClass(OutOfMemoryApp.class, "caught").run(work.resolve("without"));
        ForkedJvm.Result with = ForkedJvm.on(jdk).jvmOption(HEAP)
                .withAgent("include=" + FILL + ";" + AFTERWARDS + ",interval=200ms,out=" + out)
                .mainClass(OutOfMemoryApp.class, "caught").run(work.resolve("with"));

        assertThat(without.exitCode()).as(without.describe()).isZero();
        assertThat(with.exitCode()).as(with.describe()).isZero();
        int rounds = OutOfMemoryApp.ROUNDS;
        String same = "inside " + rounds + "/" + rounds + ", outside " + rounds + "/" + rounds
                + ", the same error arrived each time";
        assertThat(without.stdout()).as(without.describe()).startsWith(same);
        assertThat(with.stdout()).as(with.describe()).startsWith(same);
        assertNothingButSondeLines(with);

        ReportFile report = ReportFile.read(only(out, "sonde-report-"));
        assertThat(report.operation(FILL).get("count").asLong()).as("a first call, then every round").isEqualTo(rounds + 1);
        assertThat(report.operation(FILL).get("errors").asLong()).as("every error counted").isEqualTo(rounds);
        long calls = Long.parseLong(with.stdout().replaceAll("(?s).*afterwards calls (\\d+).*", "$1"));
        assertThat(report.operation(AFTERWARDS).get("count").asLong())
                .as("no call lost while the heap was full on another thread").isEqualTo(calls);
        for (Path window : IntervalReportsIT.intervalReports(out)) {
            assertThat(ReportFile.read(window).root().get("trigger").asText()).isEqualTo("interval");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void outOfMemoryThatEndsTheProgramEndsItWithTheSameErrorAndExitCode(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("oom-uncaught-" + jdk.major());
        Path out = work.resolve("out");
        long started = System.nanoTime();
        ForkedJvm.Result without = ForkedJvm.on(jdk).jvmOption(HEAP)
                .mainClass(OutOfMemoryApp.class, "uncaught").run(work.resolve("without"));
        long withoutMillis = (System.nanoTime() - started) / 1_000_000L;
        started = System.nanoTime();
        ForkedJvm.Result with = ForkedJvm.on(jdk).jvmOption(HEAP)
                .withAgent("include=" + FILL + ",interval=200ms,out=" + out)
                .mainClass(OutOfMemoryApp.class, "uncaught").run(work.resolve("with"));
        long withMillis = (System.nanoTime() - started) / 1_000_000L;

        assertThat(without.exitCode()).as(without.describe()).isEqualTo(1);
        assertThat(with.exitCode()).as(with.describe()).isEqualTo(without.exitCode());
        assertThat(with.stdout()).isEqualTo(without.stdout()).isEqualTo("filling the heap for good\n");
        assertThat(applicationLines(with)).as(with.describe())
                .startsWith("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space")
                .isEqualTo(applicationLines(without));
        // Relative, because a busy machine slows both runs alike: sonde's start and report, not a hang.
        assertThat(withMillis - withoutMillis).as("no hang at exit (ms more than without sonde)").isLessThan(15_000);
        assertThat(with.stderr()).doesNotContain("Exception in thread \"sonde");

        List<Path> reports = ReportFile.reportsIn(out).stream()
                .filter(p -> p.getFileName().toString().startsWith("sonde-report-")).collect(Collectors.toList());
        if (reports.isEmpty()) {
            assertThat(with.sondeLines()).as("no report, so a line says why")
                    .anyMatch(line -> line.contains("report") && (line.contains("could not") || line.contains("not finished")));
        } else {
            ReportFile report = ReportFile.read(reports.get(0));
            assertThat(report.operation(FILL).get("count").asLong()).isEqualTo(2);
            assertThat(report.operation(FILL).get("errors").asLong()).isEqualTo(1);
        }
    }

    /** Whatever the application and the JVM print to stderr, without sonde's own lines. */
    private static String applicationLines(ForkedJvm.Result result) {
        return result.stderr().lines().filter(line -> !line.startsWith("[sonde]") && !isJvmNoise(line))
                .collect(Collectors.joining("\n"));
    }

    /**
     * stderr holds sonde's lines and nothing else of sonde's: no stack trace, no thread dying loudly.
     * Two JVM lines are tolerated: the class-sharing note any agent on the boot class path causes,
     * and the JDK's own instrument assertion ({@code JPLISAgent.c}: it cannot make a class name to
     * pass to a transformer when a class loads on a full heap; printed by the JDK, not sonde).
     */
    private static void assertNothingButSondeLines(ForkedJvm.Result result) {
        List<String> others = result.stderr().lines()
                .filter(line -> !line.startsWith("[sonde]") && !isJvmNoise(line)).collect(Collectors.toList());
        assertThat(others).as(result.describe()).isEmpty();
    }

    private static boolean isJvmNoise(String line) {
        return line.startsWith("OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes")
                || line.startsWith("*** java.lang.instrument ASSERTION FAILED ***");
    }

    private static Path only(Path out, String prefix) throws Exception {
        List<Path> files = ReportFile.reportsIn(out).stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix)).collect(Collectors.toList());
        assertThat(files).as(prefix + "* in " + out).hasSize(1);
        return files.get(0);
    }
}
