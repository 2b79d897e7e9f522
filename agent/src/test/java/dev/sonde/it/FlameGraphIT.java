package dev.sonde.it;

import com.acme.testapp.ProfileTargetApp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.report.view.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flame graphs from async-profiler through sonde, in forked JVMs: each event shows the method that
 * does that kind of work, a trigger fires only once its operation is slow, and the HTML opens in a
 * real browser.
 */
class FlameGraphIT {

    private static final String APP = "com/acme/testapp/ProfileTargetApp.";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void cpuProfileOfTheWholeRunHasTheBurningMethodAsHottestFrame(Jdks.Jdk jdk) throws Exception {
        Path collapsed = wholeRun(jdk, "cpu", "cpu");
        assertThat(hottestLeaf(collapsed)).contains(APP + "burnCpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void wallProfileShowsTheSleepingMethod(Jdks.Jdk jdk) throws Exception {
        Path collapsed = wholeRun(jdk, "wall", "wall");
        assertThat(heaviestAppMethod(collapsed)).isEqualTo(APP + "sleepALot");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void allocProfileShowsTheAllocatingMethod(Jdks.Jdk jdk) throws Exception {
        Path collapsed = wholeRun(jdk, "alloc", "alloc");
        assertThat(heaviestAppMethod(collapsed)).isEqualTo(APP + "allocateALot");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void triggeredProfileIsTakenOnlyAfterTheThresholdIsCrossedAndOncePerCooldown(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("trigger-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.ProfileTargetApp#serve,profile.trigger=com.acme.testapp.ProfileTargetApp#serve>500ms,"
                        + "profile.event=wall,profile.duration=2s,profile.cooldown=1m,profile.format=collapsed,out=" + out)
                .mainClass(ProfileTargetApp.class, "slow-later", "12", "5")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<Path> triggered = files(out, "-trigger.collapsed");
        assertThat(triggered).as(result.describe()).hasSize(1);
        JsonNode profiles = ReportFile.onlyIn(out).root().get("profiles");
        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0).get("reason").asText()).startsWith("trigger: ");
        Instant profileStart = Instant.parse(profiles.get(0).get("start").asText());
        long slowFrom = result.stdout().lines().filter(l -> l.startsWith("slow-from "))
                .mapToLong(l -> Long.parseLong(l.substring("slow-from ".length()))).findFirst().orElseThrow();
        assertThat(profileStart).as("not before the calls turned slow").isAfter(Instant.ofEpochMilli(slowFrom));
        assertThat(heaviestAppMethod(triggered.get(0))).isEqualTo(APP + "serve");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void scheduledProfilesComeEveryPeriodAndTheirFilesAreBoundedByKeep(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("scheduled-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("profile.every=2s,profile.duration=1s,profile.format=collapsed,keep=1,out=" + out)
                .mainClass(ProfileTargetApp.class, "cpu", "12")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode profiles = ReportFile.onlyIn(out).root().get("profiles");
        assertThat(profiles.size()).as(result.describe()).isGreaterThanOrEqualTo(2);
        profiles.forEach(profile -> assertThat(profile.get("reason").asText()).isEqualTo("scheduled"));
        // The JVM's exit may cut the last profile short (to a few ms of the exit): that one is written
        // too, but never displaces a complete one, so keep=1 leaves the newest complete profile. The
        // agent names the one it cut short on stderr.
        String cutShort = cutShort(result);
        List<String> complete = new ArrayList<>();
        profiles.forEach(profile -> complete.add(profile.get("file").asText()));
        complete.remove(cutShort);
        String newestComplete = complete.get(complete.size() - 1);
        List<String> kept = new ArrayList<>();
        files(out, "-scheduled.collapsed").forEach(file -> kept.add(file.toString()));
        assertThat(kept).as("the newest complete profile is kept").contains(newestComplete);
        kept.remove(newestComplete);
        if (cutShort == null) {
            assertThat(kept).as("only the newest file is kept").isEmpty();
        } else {
            assertThat(kept).as("besides it, the one cut short by the exit").containsExactly(cutShort);
        }
        assertThat(heaviestAppMethod(Path.of(newestComplete))).isEqualTo(APP + "burnCpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aProfileCutShortByTheExitIsWrittenWithoutDisplacingTheCompleteOne(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("scheduled-cut-" + jdk.major());
        Path out = work.resolve("out");
        // Profiles from about 1 s to 6.5 s and from 7.5 s on; the app computes for 10 s, so its exit
        // cuts the second short (at least a second and a half of margin on each side, on a slow machine).
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("profile.every=1s,profile.duration=5s,profile.format=collapsed,keep=1,out=" + out)
                .mainClass(ProfileTargetApp.class, "cpu", "10")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode profiles = ReportFile.onlyIn(out).root().get("profiles");
        assertThat(profiles).as(result.describe()).hasSize(2);
        assertThat(profiles.get(0).get("seconds").asDouble()).isGreaterThanOrEqualTo(5.0);
        assertThat(profiles.get(1).get("seconds").asDouble()).isLessThan(5.0);
        assertThat(result.stderr()).contains("[sonde] scheduled flame graph (cut short after ");
        List<String> kept = new ArrayList<>();
        files(out, "-scheduled.collapsed").forEach(file -> kept.add(file.toString()));
        assertThat(kept).as("keep=1 still holds the complete profile, and the cut one is written too")
                .containsExactly(profiles.get(0).get("file").asText(), profiles.get(1).get("file").asText());
        assertThat(heaviestAppMethod(Path.of(kept.get(0)))).isEqualTo(APP + "burnCpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void eachScheduledProfileIsListedByTheWindowReportOfTheWindowItEndedIn(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("scheduled-windows-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.ProfileTargetApp#serve,profile.every=2s,profile.duration=1s,"
                        + "profile.format=collapsed,interval=2s,out=" + out)
                .mainClass(ProfileTargetApp.class, "cpu", "7")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<String> taken = new ArrayList<>();
        ReportFile.read(files(out, ".json").stream().filter(p -> p.getFileName().toString().startsWith("sonde-report-"))
                .findFirst().orElseThrow()).root().get("profiles").forEach(p -> taken.add(p.get("file").asText()));
        List<String> listedByWindows = new ArrayList<>();
        for (Path window : files(out, ".json")) {
            JsonNode report = ReportFile.read(window).root();
            if (report.get("trigger").asText().equals("interval") && report.has("profiles")) {
                report.get("profiles").forEach(p -> listedByWindows.add(p.get("file").asText()));
            }
        }
        assertThat(taken).as(result.describe()).hasSizeGreaterThanOrEqualTo(2);
        // A profile cut short by the exit and written after the last window is in the report at exit only.
        String cutShort = cutShort(result);
        if (cutShort != null && !listedByWindows.contains(cutShort)) {
            taken.remove(cutShort);
        }
        assertThat(listedByWindows).as("every profile in exactly one window").containsExactlyInAnyOrderElementsOf(taken);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aProfilesRecordingIsDrawnByTheConvertCommand(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("convert-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("profile=cpu,profile.format=jfr,out=" + out)
                .mainClass(ProfileTargetApp.class, "cpu", "3")
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Path recording = files(out, "-run.jfr").get(0);
        Path html = work.resolve("run.html");

        ForkedJvm.Result convert = new SondeCli(jdk, work).run("convert", recording, "--out", html);

        assertThat(convert.exitCode()).as(convert.describe()).isZero();
        assertThat(convert.stdout()).isEqualTo("sonde convert: wrote " + html.toAbsolutePath() + " (cpu samples of " + recording + ")\n");
        assertThat(Files.readString(html)).contains("<canvas", "burnCpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void htmlFlameGraphOpensInHeadlessChromiumWithoutErrors(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("flame-html-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("profile=cpu,out=" + out)
                .mainClass(ProfileTargetApp.class, "cpu", "3")
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Path html = files(out, "-run.html").get(0);
        assertThat(Files.readString(html)).contains("burnCpu");
        assertThat(ReportFile.onlyIn(out).root().get("profiles").get(0).get("file").asText()).isEqualTo(html.toString());

        StringBuilder whyNot = new StringBuilder();
        HeadlessChromium chromium = HeadlessChromium.find(work.resolve("chromium"), whyNot).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no headless Chromium: " + whyNot);
        HeadlessChromium.Page page = chromium.dumpDom(html.toUri().toString());
        assertThat(page.exitCode).as(page.toString()).isZero();
        assertThat(page.consoleLines()).as("console messages of the flame graph").isEmpty();
        assertThat(page.stdout).contains("<canvas");
        Path png = TestPaths.workDirectory("flame-screenshot-" + jdk.major()).resolveSibling("flame-graph-jdk" + jdk.major() + ".png");
        chromium.screenshot(html.toUri().toString(), png, 1280, 800);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(5_000);
    }

    private static Path wholeRun(Jdks.Jdk jdk, String event, String mode) throws Exception {
        Path work = TestPaths.workDirectory("flame-" + event + "-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("profile=" + event + ",profile.format=collapsed,out=" + out)
                .mainClass(ProfileTargetApp.class, mode, "4")
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<Path> profiles = files(out, "-run.collapsed");
        assertThat(profiles).as(result.describe()).hasSize(1);
        JsonNode listed = ReportFile.onlyIn(out).root().get("profiles");
        assertThat(listed.get(0).get("event").asText()).isIn(event, "itimer");
        assertThat(listed.get(0).get("reason").asText()).isEqualTo("whole-run");
        return profiles.get(0);
    }

    /** The scheduled profile sonde says it cut short at exit, or null. */
    private static String cutShort(ForkedJvm.Result result) {
        Matcher cut = Pattern.compile("scheduled flame graph \\(cut short after [0-9.]+ s\\) written to (\\S+)")
                .matcher(result.stderr());
        return cut.find() ? cut.group(1) : null;
    }

    /** The leaf frame with the most samples. */
    private static String hottestLeaf(Path collapsed) throws IOException {
        Map<String, Long> byLeaf = new TreeMap<>();
        for (String[] stack : stacks(collapsed)) {
            String[] frames = stack[0].split(";");
            byLeaf.merge(frames[frames.length - 1], Long.parseLong(stack[1]), Long::sum);
        }
        return byLeaf.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Of the test app's own methods (except main), the one on the stacks with the most samples. */
    private static String heaviestAppMethod(Path collapsed) throws IOException {
        Map<String, Long> byMethod = new TreeMap<>();
        for (String[] stack : stacks(collapsed)) {
            for (String frame : stack[0].split(";")) {
                String method = frame.replaceAll("_\\[.\\]$", "");
                if (method.startsWith(APP) && !method.equals(APP + "main")) {
                    byMethod.merge(method, Long.parseLong(stack[1]), Long::sum);
                }
            }
        }
        return byMethod.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow(() -> new AssertionError("no frame of the app in " + collapsed)).getKey();
    }

    private static List<String[]> stacks(Path collapsed) throws IOException {
        List<String[]> stacks = new ArrayList<>();
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                stacks.add(new String[] {line.substring(0, space), line.substring(space + 1)});
            }
        }
        return stacks;
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
