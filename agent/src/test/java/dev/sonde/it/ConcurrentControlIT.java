package dev.sonde.it;

import com.acme.testapp.ReportWritingApp;
import com.acme.testapp.SlowShutdownApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control requests that meet: dumps at the same moment, a dump while the JVM shuts down, a
 * shutdown while a flame graph is being taken. Every report is whole and has a file of its own;
 * every command ends with a report or one line, never a stack trace.
 */
class ConcurrentControlIT {

    private static final String PLACE = "com.acme.testapp.OrderService#place";
    private static final Pattern WROTE = Pattern.compile("wrote (\\S+\\.json)");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void dumpsFromManyThreadsAtOnceEachGetAWholeReportOfTheirOwn(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("mbean-dumps-" + jdk.major());
        Path out = work.resolve("out");
        int threads = 4;
        int each = 25;
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.generated.**,out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(ReportWritingApp.class, "2", "10", String.valueOf(threads), String.valueOf(each), "40")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).doesNotContain("dump failed").contains("dumps " + threads * each);
        List<String> named = result.stdout().lines().filter(line -> line.startsWith("file "))
                .map(line -> line.substring("file ".length())).collect(Collectors.toList());
        assertThat(named).hasSize(threads * each).doesNotHaveDuplicates();
        for (String file : named) {
            JsonNode report = ReportFile.read(Paths.get(file)).root();
            assertThat(report.get("trigger").asText()).isEqualTo("on-demand");
        }
        assertThat(ReportFile.reportsIn(out).stream().filter(p -> p.getFileName().toString().startsWith("sonde-dump-")))
                .as("no report overwritten by another").hasSize(threads * each);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void dumpCommandsRunAtOnceEachGetAWholeReportOfTheirOwn(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("cli-dumps-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                .withAgent("include=" + PLACE + ",out=" + out), work.resolve("app"))) {
            app.burst();
            List<CompletableFuture<ForkedJvm.Result>> dumps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                dumps.add(CompletableFuture.supplyAsync(() -> run(sonde, "dump", app.pid())));
            }
            Set<Path> files = new HashSet<>();
            for (CompletableFuture<ForkedJvm.Result> dump : dumps) {
                ForkedJvm.Result result = dump.get();
                assertThat(result.exitCode()).as(result.describe()).isZero();
                assertThat(result.stderr()).as(result.describe()).isEmpty();
                Path file = written(result);
                files.add(file);
                assertThat(ReportFile.read(file).counts()).containsEntry(PLACE, 500L);
            }
            assertThat(files).as("four reports, none overwritten").hasSize(4);
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(end.stderr()).doesNotContain("\tat ", "Exception");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void dumpsDuringShutdownGiveAReportOrOneLineAndTheFinalReportIsWhole(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("shutdown-dumps-" + jdk.major());
        Path out = work.resolve("out");
        Path control = Files.createDirectories(work.resolve("control"));
        SondeCli sonde = new SondeCli(jdk, work);
        ForkedJvm.Running app = ForkedJvm.on(jdk)
                .withAgent("include=" + PLACE + ",interval=200ms,out=" + out)
                .mainClass(SlowShutdownApp.class, control.toString(), "6000")
                .timeout(Duration.ofSeconds(40))
                .start(work.resolve("app"));
        Poll.until(Duration.ofSeconds(15), "the app to be ready", () -> app.stdoutSoFar().contains("ready") || !app.isAlive(),
                app::stderrSoFar);
        // Commands whose JVMs start as the app begins to exit: they arrive during its 6 s shutdown,
        // or after the exit.
        List<CompletableFuture<ForkedJvm.Result>> dumps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dumps.add(CompletableFuture.supplyAsync(() -> run(sonde, "dump", app.pid())));
            if (i == 1) {
                Files.createFile(control.resolve("stop"));
            }
            Thread.sleep(400);
        }
        ForkedJvm.Result end = app.awaitExit();

        assertThat(end.exitCode()).as(end.describe()).isEqualTo(SlowShutdownApp.EXIT_CODE);
        assertThat(end.stderr()).as(end.describe()).doesNotContain("\tat ", "Exception");
        assertThat(end.stdout()).contains("hook done");
        int written = 0;
        for (String line : end.stdout().lines().filter(l -> l.startsWith("hook dump")).collect(Collectors.toList())) {
            if (line.startsWith("hook dump refused: ")) {
                assertThat(line).doesNotContain("\tat ");
            } else {
                assertThat(ReportFile.read(Paths.get(line.substring("hook dump ".length()))).root().get("trigger").asText())
                        .isEqualTo("on-demand");
                written++;
            }
        }
        for (CompletableFuture<ForkedJvm.Result> dump : dumps) {
            ForkedJvm.Result result = dump.get();
            assertThat(result.stderr()).as(result.describe()).doesNotContain("\tat ", "Exception in thread");
            if (result.exitCode() == 0) {
                ReportFile.read(written(result));
                written++;
            } else {
                assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
                assertThat(result.stderr().lines()).as(result.describe()).hasSize(1).allMatch(l -> l.startsWith("sonde dump: "));
            }
        }
        ReportWritingFaultsIT.assertEveryReportComplete(out);
        List<Path> finals = ReportFile.reportsIn(out).stream()
                .filter(p -> p.getFileName().toString().startsWith("sonde-report-")).collect(Collectors.toList());
        assertThat(finals).hasSize(1);
        assertThat(ReportFile.read(finals.get(0)).root().get("trigger").asText()).isEqualTo("shutdown");
        System.out.printf("dump during shutdown on %s: %d of %d dumps wrote a report%n", jdk, written,
                SlowShutdownApp.HOOK_DUMPS + dumps.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void sigtermDuringAnOnDemandProfileEndsWithinTheBoundWithWholeFiles(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("term-profile-" + jdk.major());
        Path out = work.resolve("out");
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                .withAgent("include=" + PLACE + ",out=" + out), work.resolve("app"))) {
            ForkedJvm.Running profile = ForkedJvm.on(jdk)
                    .jar(TestPaths.agentJar(), "profile", String.valueOf(app.pid()), "--duration", "20s", "--event", "itimer",
                            "--out", out.resolve("on-demand.html").toString())
                    .timeout(Duration.ofSeconds(30)).start(work.resolve("profile"));
            Poll.until(Duration.ofSeconds(15), "the profile to start",
                    () -> profile.stdoutSoFar().contains("is profiling") || !profile.isAlive(), profile::stderrSoFar);
            assertThat(profile.isAlive()).as(profile.stderrSoFar()).isTrue();
            Thread.sleep(500);

            long started = System.nanoTime();
            ProcessHandle.of(app.pid()).orElseThrow().destroy();
            ProcessHandle.of(app.pid()).ifPresent(p -> p.onExit().join());
            long millis = (System.nanoTime() - started) / 1_000_000;
            ForkedJvm.Result cli = profile.awaitExit();

            assertThat(millis).as("SIGTERM to exit, with a profile running").isLessThan(4_000);
            assertThat(app.stderr()).doesNotContain("\tat ", "Exception in thread");
            assertThat(cli.stderr()).as(cli.describe()).doesNotContain("\tat ");
            if (cli.exitCode() != 0) {
                assertThat(cli.stderr().lines()).as(cli.describe()).hasSize(1).allMatch(l -> l.startsWith("sonde profile: "));
            }
            assertFinalReportAndProfilesWhole(out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void sigtermDuringScheduledAndWholeRunProfilesEndsWithinTheBoundWithWholeFiles(Jdks.Jdk jdk) throws Exception {
        for (String profiling : List.of("profile.every=1s,profile.duration=5s,profile.event=itimer", "profile=itimer")) {
            Path work = TestPaths.workDirectory("term-" + profiling.replaceAll("\\W", "") + "-" + jdk.major());
            Path out = work.resolve("out");
            try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk)
                    .withAgent("include=" + PLACE + "," + profiling + ",out=" + out), work.resolve("app"))) {
                app.burst();
                // The first scheduled profile starts a second after sonde's set-up, which may end after
                // the app is ready: count from sonde's start line, so that the profile runs at SIGTERM.
                Poll.until(Duration.ofSeconds(30), "sonde's start line", () -> app.stderr().contains("[sonde] started"),
                        app::describe);
                Thread.sleep(2_500);
                long started = System.nanoTime();
                ProcessHandle.of(app.pid()).orElseThrow().destroy();
                ProcessHandle.of(app.pid()).ifPresent(p -> p.onExit().join());
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(millis).as(profiling + ": SIGTERM to exit").isLessThan(4_000);
                assertThat(app.stderr()).as(profiling).doesNotContain("\tat ", "Exception in thread");
                JsonNode profiles = assertFinalReportAndProfilesWhole(out).root().get("profiles");
                assertThat(profiles).as(profiling + ": the profile cut short by the shutdown is listed").isNotNull();
            }
        }
    }

    /** The final report is whole, and so is every flame graph in out (the ones it lists exist). */
    private static ReportFile assertFinalReportAndProfilesWhole(Path out) throws Exception {
        List<Path> finals = ReportFile.reportsIn(out).stream()
                .filter(p -> p.getFileName().toString().startsWith("sonde-report-")).collect(Collectors.toList());
        assertThat(finals).as("the report at exit").hasSize(1);
        ReportFile report = ReportFile.read(finals.get(0));
        assertThat(report.root().get("trigger").asText()).isEqualTo("shutdown");
        JsonNode profiles = report.root().get("profiles");
        if (profiles != null) {
            for (JsonNode profile : profiles) {
                assertThat(Paths.get(profile.get("file").asText())).as("listed profile").exists();
            }
        }
        for (String name : ReportWritingFaultsIT.names(out)) {
            if (name.endsWith(".html")) {
                assertThat(Files.readString(out.resolve(name)).trim()).as(name + " is whole").endsWith("</html>");
            }
            assertThat(name).as("no temporary file left").doesNotEndWith(".tmp");
        }
        return report;
    }

    private static Path written(ForkedJvm.Result dump) {
        Matcher matcher = WROTE.matcher(dump.stdout());
        assertThat(matcher.find()).as(dump.describe()).isTrue();
        return Paths.get(matcher.group(1));
    }

    private static ForkedJvm.Result run(SondeCli sonde, Object... args) {
        try {
            return sonde.run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
