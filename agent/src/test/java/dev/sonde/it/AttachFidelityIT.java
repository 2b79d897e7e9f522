package dev.sonde.it;

import com.acme.testapp.lateenum.LateEnumApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.sonde.it.SondeCli.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attaching sonde to a running Spring MVC service must not change a single answer. The sample shop's
 * owners API binds request parameters, path variables, a header and a record by their
 * {@code -parameters} names, which Spring reads from the handler's class at each handler's first
 * request. One shop runs without sonde and records the answers to a fixed plan; a second shop answers
 * the same plan when sonde was attached before any of those handlers ran, after a reconfiguring attach
 * (some handlers run for the first time then), and after a detach. Dumps show sonde timed the
 * handlers meanwhile, so the comparison cannot pass because nothing was instrumented.
 */
class AttachFidelityIT {

    private static final String DIRECTORY = "com.example.shop.owners.OwnerDirectory#";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aSpringServiceAnswersEveryRequestAsWithoutSondeWhileAttachedAfterReconfiguringAndAfterDetach(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("attach-fidelity-" + jdk.major());
        Map<PlannedRequest, Answer> expected = answersWithoutSonde(jdk, work.resolve("without-sonde"));

        SondeCli sonde = new SondeCli(jdk, work);
        try (SpringBootApp shop = SpringBootApp.sampleShop(ForkedJvm.on(jdk), work.resolve("with-sonde"))) {
            long pid = shop.pid();
            assertSucceeded(sonde.run("attach", pid, "include=com.example.shop.**,out=" + work.resolve("out")));
            assertSameAnswers("first requests after the attach", jdk, shop, expected, OwnerApiPlan.FIRST);
            Map<String, Long> attached = dump(sonde, pid, work.resolve("attached.json"), "--reset");
            assertThat(attached).as("routes and handlers timed after the attach")
                    .containsAllEntriesOf(OwnerApiPlan.expectedCounts(OwnerApiPlan.FIRST));
            assertThat(attached.getOrDefault(DIRECTORY + "find", 0L)).as("include=com.example.shop.** times the directory")
                    .isPositive();

            assertSucceeded(sonde.run("attach", pid, "include=com.example.shop.**Controller#*,alloc=on"));
            List<PlannedRequest> laterThenFirst = OwnerApiPlan.concat(OwnerApiPlan.LATER, OwnerApiPlan.FIRST);
            assertSameAnswers("after the reconfiguring attach (the later handlers' first requests)", jdk, shop, expected,
                    laterThenFirst);
            Map<String, Long> reconfigured = dump(sonde, pid, work.resolve("reconfigured.json"));
            assertThat(reconfigured).as("routes and handlers timed since the reconfiguring attach")
                    .containsAllEntriesOf(OwnerApiPlan.expectedCounts(laterThenFirst));
            assertThat(reconfigured.entrySet()).as("controllers only: the directory is no longer timed")
                    .filteredOn(entry -> entry.getKey().startsWith(DIRECTORY)).allMatch(entry -> entry.getValue() == 0);

            assertSucceeded(sonde.run("detach", pid));
            assertSameAnswers("after the detach", jdk, shop, expected, OwnerApiPlan.all());
        }
    }

    /**
     * Selecting by annotation must not read the annotations' values by reflection when sonde
     * attaches: a value naming an enum constant would initialise that enum on the attach thread,
     * before the application set what its initialiser needs, and break it for good. Both forms:
     * the class's annotation, and a method's annotation in a package.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void attachingWithAnnotationIncludesRunsNoStaticInitialiserOfTheApplication(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("attach-late-enum-" + jdk.major());
        Path control = Files.createDirectories(work.resolve("control"));
        String pkg = LateEnumApp.class.getPackageName();
        ForkedJvm.Running app = ForkedJvm.on(jdk).classpath(TestPaths.testClasses())
                .mainClass(LateEnumApp.class, control.toString()).start(work.resolve("app"));
        try {
            Poll.until(Duration.ofSeconds(20), "the app's start", () -> app.stdoutSoFar().contains("ready"),
                    app::stdoutSoFar);
            SondeCli sonde = new SondeCli(jdk, work);
            assertSucceeded(sonde.run("attach", app.pid(), "include=@" + pkg + ".Measured#place,out=" + work.resolve("out")));
            assertSucceeded(sonde.run("attach", app.pid(), "include=" + pkg + ".**#@" + pkg + ".Measured"));
            Files.createFile(control.resolve("settings"));
            Poll.until(Duration.ofSeconds(20), "the app's settings", () -> app.stdoutSoFar().contains("level "),
                    app::stdoutSoFar);
            assertSucceeded(sonde.run("dump", app.pid(), "--out", work.resolve("dump.json")));
            assertThat(ReportFile.read(work.resolve("dump.json")).counts()).as("timed by its annotation")
                    .containsKey(pkg + ".Orders#place");
        } finally {
            Files.createFile(control.resolve("stop"));
        }
        ForkedJvm.Result end = app.awaitExit();
        assertThat(end.exitCode()).as(end.describe()).isZero();
        assertThat(end.stdout()).as(end.describe()).contains("level HIGH limit 5");
    }

    /** The answers of a shop that never saw sonde; each must have the status the plan was written for. */
    private static Map<PlannedRequest, Answer> answersWithoutSonde(Jdks.Jdk jdk, Path work) throws Exception {
        try (SpringBootApp shop = SpringBootApp.sampleShop(ForkedJvm.on(jdk), work)) {
            Map<PlannedRequest, Answer> answers = OwnerApiPlan.play(shop.http(), OwnerApiPlan.all());
            StringBuilder unexpected = new StringBuilder();
            answers.forEach((request, answer) -> {
                if (answer.status() != request.status()) {
                    unexpected.append("\n  ").append(request).append("\n    planned ").append(request.status())
                            .append(", answered ").append(answer);
                }
            });
            assertThat(unexpected.toString()).as("without sonde, on " + jdk + ", the plan is wrong:" + unexpected
                    + "\n--- exceptions in the shop's log\n" + shop.exceptionsLogged()).isEmpty();
            return answers;
        }
    }

    /** Plays {@code requests} and fails with every difference, request by request, if any answer changed. */
    private static void assertSameAnswers(String when, Jdks.Jdk jdk, SpringBootApp shop,
                                          Map<PlannedRequest, Answer> expected, List<PlannedRequest> requests)
            throws Exception {
        Map<PlannedRequest, Answer> actual = OwnerApiPlan.play(shop.http(), requests);
        StringBuilder differences = new StringBuilder();
        int differing = 0;
        for (PlannedRequest request : requests) {
            if (!expected.get(request).equals(actual.get(request))) {
                differing++;
                differences.append("\n  ").append(request)
                        .append("\n    without sonde: ").append(expected.get(request))
                        .append("\n    now:           ").append(actual.get(request));
            }
        }
        assertThat(differing).as(when + ", on " + jdk + ", " + differing + " of " + requests.size()
                + " answers differ from the shop without sonde:" + differences
                + "\n--- exceptions in the shop's log\n" + shop.exceptionsLogged()).isZero();
    }

    /** Writes a dump of the running sonde and reads its counts by operation. */
    private static Map<String, Long> dump(SondeCli sonde, long pid, Path file, String... options) throws Exception {
        Object[] words = new Object[4 + options.length];
        words[0] = "dump";
        words[1] = pid;
        words[2] = "--out";
        words[3] = file;
        System.arraycopy(options, 0, words, 4, options.length);
        assertSucceeded(sonde.run(words));
        return ReportFile.read(file).counts();
    }
}
