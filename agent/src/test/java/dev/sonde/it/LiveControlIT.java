package dev.sonde.it;

import com.acme.testapp.LongRunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.sonde.it.SondeCli.assertSucceeded;
import static dev.sonde.it.SondeCli.finalReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM started without sonde, driven through the command line as a user would: attach, dump,
 * attach again with other patterns, dump with reset, detach, attach again. The app calls the timed
 * methods in bursts of exactly {@link LongRunningApp#BURST_CALLS}, between commands, so every count
 * is exact: a class instrumented twice, advice left behind by a detach, or calls from before an
 * attach would all show.
 */
class LiveControlIT {

    private static final String PLACE = "com.acme.testapp.OrderService#place";
    private static final String CHARGE = "com.acme.testapp.PaymentService#charge";
    private static final long BURST = LongRunningApp.BURST_CALLS;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void attachDumpReconfigureAndDetachCountEveryCallAfterTheAttachExactlyOnce(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("live-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            long pid = app.pid();
            app.burst();

            ForkedJvm.Result attach = sonde.run("attach", pid, "include=" + PLACE + ",out=" + out);
            assertSucceeded(attach);
            assertThat(attach.stdout()).startsWith("sonde attached to JVM " + pid + ": started (attached); timing [" + PLACE + "]");
            app.burst();
            ForkedJvm.Result dump = sonde.run("dump", pid, "--out", work.resolve("first.json"));
            assertSucceeded(dump);
            assertThat(dump.stdout()).startsWith("sonde dump: JVM " + pid + " wrote " + work.resolve("first.json"))
                    .contains(PLACE);
            ReportFile first = ReportFile.read(work.resolve("first.json"));
            assertThat(first.root().get("trigger").asText()).isEqualTo("on-demand");
            assertThat(first.counts()).as("only calls after the attach").containsExactly(Map.entry(PLACE, BURST));
            assertThat(listLine(sonde, pid)).contains("include=" + PLACE);

            assertSucceeded(sonde.run("attach", pid, "include=" + PLACE + ";" + CHARGE));
            app.burst();
            ForkedJvm.Result reset = sonde.run("dump", pid, "--out", work.resolve("second.json"), "--reset");
            assertSucceeded(reset);
            assertThat(reset.stdout()).contains("a new window starts now");
            assertThat(ReportFile.read(work.resolve("second.json")).counts()).as("reconfigured: nothing timed twice")
                    .containsOnly(Map.entry(PLACE, 2 * BURST), Map.entry(CHARGE, BURST));

            app.burst();
            ForkedJvm.Result detach = sonde.run("detach", pid);
            assertSucceeded(detach);
            ReportFile detached = ReportFile.read(finalReport(detach));
            assertThat(detached.root().get("trigger").asText()).isEqualTo("detach");
            assertThat(detached.counts()).as("the window since the reset")
                    .containsOnly(Map.entry(PLACE, BURST), Map.entry(CHARGE, BURST));
            assertThat(detached.root().get("runtime").get("threads").asInt()).isPositive();

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).doesNotContain("Exception", "\tat ");
            assertThat(ReportFile.reportsIn(out)).as("nothing more written at exit after the detach")
                    .containsExactly(detached.path());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void afterADetachNothingIsRecordedAndASecondAttachStartsAFreshRecording(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("reattach-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            long pid = app.pid();
            assertSucceeded(sonde.run("attach", pid, "include=" + PLACE + ",out=" + work.resolve("first")));
            app.burst();
            assertSucceeded(sonde.run("detach", pid));

            app.burst();
            ForkedJvm.Result noSonde = sonde.run("dump", pid);
            assertThat(noSonde.exitCode()).as(noSonde.describe()).isEqualTo(2);
            assertThat(noSonde.stderr()).startsWith("sonde dump: sonde is not running in JVM " + pid);
            assertThat(listLine(sonde, pid)).endsWith(" -");

            assertSucceeded(sonde.run("attach", pid, "include=" + PLACE + ",out=" + out));
            app.burst();
            assertSucceeded(sonde.run("dump", pid, "--out", work.resolve("fresh.json")));
            assertThat(ReportFile.read(work.resolve("fresh.json")).counts())
                    .as("a fresh recording: no advice left from before the detach, nothing counted twice")
                    .containsExactly(Map.entry(PLACE, BURST));

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stdout()).contains("stopped after 3 bursts");
            assertThat(end.stderr()).doesNotContain("Exception", "\tat ");
            ReportFile atExit = ReportFile.onlyIn(out);
            assertThat(atExit.root().get("trigger").asText()).isEqualTo("shutdown");
            assertThat(atExit.counts()).containsExactly(Map.entry(PLACE, BURST));
            if (jdk.major() >= 21) {
                assertThat(dynamicAgentWarnings(end.stderr())).as("one per attach; dump and detach go over JMX")
                        .isEqualTo(2);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aProfileInProgressIsFinishedByDetachAndListedInItsReport(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("detach-profiling-" + jdk.major());
        Path flameGraph = work.resolve("on-demand.jfr");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            long pid = app.pid();
            assertSucceeded(sonde.run("attach", pid, "include=" + PLACE + ",out=" + work.resolve("out")));
            ForkedJvm.Running profile = ForkedJvm.on(jdk).jar(TestPaths.agentJar(), "profile", String.valueOf(pid),
                    "--duration", "10m", "--event", "itimer", "--format", "jfr", "--out", flameGraph.toString())
                    .timeout(Duration.ofSeconds(60)).start(work.resolve("profile"));
            // A JFR recording's file is opened when sampling starts.
            Poll.until(Duration.ofSeconds(20), "the profile to start", () -> Files.exists(flameGraph) || !profile.isAlive(),
                    () -> profile.stderrSoFar() + app.describe());

            ForkedJvm.Result detach = sonde.run("detach", pid);
            assertSucceeded(detach);
            assertThat(detach.stdout()).contains("on-demand profile stopped early: " + flameGraph);
            JsonNode listed = ReportFile.read(finalReport(detach)).root().get("profiles");
            assertThat(listed).as(detach.describe()).hasSize(1);
            assertThat(listed.get(0).get("file").asText()).isEqualTo(flameGraph.toString());
            assertThat(listed.get(0).get("reason").asText()).isEqualTo("on-demand");
            ForkedJvm.Result profiled = profile.awaitExit();
            assertThat(profiled.exitCode()).as(profiled.describe()).isZero();
            assertThat(profiled.stdout()).contains("flame graph written to " + flameGraph);

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            List<String> lines = end.sondeLines();
            assertThat(lines.get(lines.size() - 1)).as("nothing after the detach").startsWith("[sonde] detached; ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aSondeAttachedAgainAfterADetachProfilesAgain(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("reattach-profiling-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            long pid = app.pid();
            for (String round : List.of("first", "second")) {
                assertSucceeded(sonde.run("attach", pid, "out=" + work.resolve("out-" + round)));
                Path flameGraph = work.resolve(round + ".collapsed");
                ForkedJvm.Result profile = sonde.run("profile", pid, "--duration", "1s", "--event", "itimer",
                        "--format", "collapsed", "--out", flameGraph);
                assertThat(profile.exitCode()).as(round + " attach: " + profile.describe()).isZero();
                assertThat(flameGraph).exists();
                assertSucceeded(sonde.run("detach", pid));
            }
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).doesNotContain("Exception", "cannot run here");
        }
    }

    /** The line {@code list} prints for the JVM. */
    private static String listLine(SondeCli sonde, long pid) throws Exception {
        ForkedJvm.Result list = sonde.run("list");
        assertSucceeded(list);
        return list.stdout().lines().filter(line -> line.trim().startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + pid + "\n" + list.describe())).trim();
    }

    static long dynamicAgentWarnings(String stderr) {
        return stderr.lines().filter(line -> line.startsWith("WARNING: A Java agent has been loaded dynamically")).count();
    }
}
