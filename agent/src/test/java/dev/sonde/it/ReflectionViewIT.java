package dev.sonde.it;

import com.acme.reflection.ReflectionView;
import com.acme.reflection.ReflectionViewApp;
import dev.sonde.it.ReflectionCorpus.Variant;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sonde.it.SondeCli.assertSucceeded;
import static dev.sonde.it.SondeCli.finalReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reflection shows of the application's classes ({@link ReflectionView}: parameter names,
 * annotations of every kind, generic signatures, modifiers, exceptions, members, record components,
 * enum constants) is the same before sonde is attached, while it times them, after a reconfiguring
 * attach, after a detach and after a second attach: sonde changes method bodies, nothing else. The
 * corpus ({@link ReflectionCorpus}) is compiled with and without {@code -parameters} and {@code -g};
 * the counts prove that its classes were really instrumented each time, those compiled with
 * {@code -parameters} included. Before JDK 19 the class bytes handed to a retransforming agent lack
 * the MethodParameters attribute (JDK-8240908), so this is where parameter names would get lost;
 * not only with {@code -parameters}: javac writes the attribute for a record's canonical constructor
 * anyway.
 */
class ReflectionViewIT {

    private static final long BURST = ReflectionViewApp.BURST_CALLS;
    private static final String ALL = ReflectionCorpus.PACKAGE + ".**";
    /** Every corpus method that one call of {@code Exercise.applyAsLong} runs, each exactly once. */
    private static final List<String> CALLED_ONCE = List.of(
            "Exercise#applyAsLong", "Exercise#shapes", "Exercise#planets", "Exercise#greetings", "Exercise#nesting",
            "Exercise#generics", "Exercise#annotations",
            "Point#of", "Point#distance", "Circle#area", "Circle#tag", "Circle$Tag#weights",
            "Planet#surfaceGravity", "Planet$1#describe",
            "Greeter#greet", "Greeter#decorate", "PoliteGreeter#name",
            "Outer#anonymous", "Outer$1#call", "Outer$Inner#combine", "Outer#local", "Outer$1Counter#add",
            "Box#map", "Annotated#annotate", "LargeFits#work");

    private static Path corpus;

    @BeforeAll
    static void compileTheCorpusOnceForBothJdks() throws Exception {
        corpus = ReflectionCorpus.compile(TestPaths.workDirectory("reflection-corpus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reflectionShowsTheSameClassesBeforeWhileAttachedAfterReconfiguringAfterDetachAndAfterReattaching(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("reflection-view-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        Map<String, List<String>> views = new LinkedHashMap<>();
        // Soft: a failure shows every stage's counts and view differences, not just the first.
        SoftAssertions softly = new SoftAssertions();
        try (ReflectionViewService app = ReflectionViewService.start(jdk, corpus, work.resolve("app"))) {
            long pid = app.pid();
            app.burst();
            List<String> before = app.view("before");
            assertTheCorpusWasCompiledAsIntended(before);

            assertSucceeded(sonde.run("attach", pid, "include=" + ALL + ",out=" + work.resolve("out")));
            app.burst();
            views.put("attached", app.view("attached"));
            softly.assertThat(dumpCounts(sonde, pid, work.resolve("attached.json")))
                    .as("attached: every corpus method timed, with or without -parameters; the 65.5 KB method untimed")
                    .isEqualTo(counts(BURST, Variant.values()));

            // Narrower: the classes of two variants are retransformed back to their original code.
            assertSucceeded(sonde.run("attach", pid, "include=" + Variant.PLAIN.packageName() + ".**;"
                    + Variant.NAMES.packageName() + ".**"));
            app.burst();
            views.put("reconfigured", app.view("reconfigured"));

            ForkedJvm.Result detach = sonde.run("detach", pid);
            assertSucceeded(detach);
            Map<String, Long> expected = counts(2 * BURST, Variant.PLAIN, Variant.NAMES);
            expected.putAll(counts(BURST, Variant.DEBUG, Variant.NAMES_AND_DEBUG));
            softly.assertThat(ReportFile.read(finalReport(detach)).counts())
                    .as("detached: still included methods went on counting, dropped ones kept what they had")
                    .isEqualTo(expected);
            app.burst();
            views.put("detached", app.view("detached"));

            assertSucceeded(sonde.run("attach", pid, "include=" + ALL + ",out=" + work.resolve("out2")));
            app.burst();
            views.put("reattached", app.view("reattached"));
            softly.assertThat(dumpCounts(sonde, pid, work.resolve("reattached.json")))
                    .as("reattached: a fresh recording, every corpus method timed again")
                    .isEqualTo(counts(BURST, Variant.values()));

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            softly.assertThat(end.stderr()).as("no stack trace in the app's output").doesNotContain("\tat ");
            softly.assertThat(end.sondeLines()).filteredOn(line -> line.contains("could not instrument"))
                    .as("only the method at the code limit is left untimed")
                    .allMatch(line -> line.contains(".LargeAtLimit, it runs untimed: MethodTooLargeException"));
            softly.assertThat(differences(before, views)).as("reflection views that differ from the one before the attach")
                    .isEmpty();
            softly.assertAll();
        }
    }

    /**
     * A coverage agent (JaCoCo) changed the classes as they loaded, adding a method to each: attach
     * and detach still leave reflection's view as it was. Before JDK 19 the names sonde puts back
     * come from the loaded classes; their class files lack the added method.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reflectionShowsTheSameClassesWhenAnotherAgentChangedThemAsTheyLoaded(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("reflection-view-jacoco-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        Map<String, List<String>> views = new LinkedHashMap<>();
        try (ReflectionViewService app = ReflectionViewService.startBeside(jdk, corpus, work.resolve("app"),
                TestPaths.jacocoAgent(), "output=none,includes=" + ReflectionCorpus.PACKAGE + ".*")) {
            long pid = app.pid();
            app.burst();
            List<String> before = app.view("before");
            assertTheCorpusWasCompiledAsIntended(before);
            assertThat(before).as("JaCoCo instrumented the corpus").anyMatch(line -> line.contains("$jacocoInit"));

            assertSucceeded(sonde.run("attach", pid, "include=" + ALL + ",out=" + work.resolve("out")));
            app.burst();
            views.put("attached", app.view("attached"));
            assertThat(dumpCounts(sonde, pid, work.resolve("attached.json")))
                    .as("attached: every corpus method timed, with or without -parameters; the 65.5 KB method untimed")
                    .isEqualTo(counts(BURST, Variant.values()));

            assertSucceeded(sonde.run("detach", pid));
            views.put("detached", app.view("detached"));

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.sondeLines()).as("no class left untimed or unrestored but the one at the code limit")
                    .noneMatch(line -> line.contains("could not restore") || line.contains("runs untimed: its parameter"));
            assertThat(differences(before, views)).as("reflection views that differ from the one before the attach")
                    .isEmpty();
        }
    }

    /**
     * Classes woven as they load ({@code -javaagent}) look the same to reflection as without sonde,
     * their computed serialization ids included: retransformation cannot change a class's members
     * (the JVM refuses), but load-time weaving could.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reflectionShowsTheSameClassesWovenAtLoadAsWithoutSonde(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("reflection-view-javaagent-" + jdk.major());
        List<String> without;
        try (ReflectionViewService app = ReflectionViewService.start(jdk, corpus, work.resolve("without"))) {
            app.burst();
            without = app.view("without");
            assertThat(app.stop().exitCode()).isZero();
        }
        assertTheCorpusWasCompiledAsIntended(without);

        Path out = work.resolve("out");
        try (ReflectionViewService app = ReflectionViewService.startWithAgent(jdk, corpus, work.resolve("javaagent"),
                "include=" + ALL + ",out=" + out)) {
            app.burst();
            List<String> woven = app.view("javaagent");
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            Map<String, Long> expected = counts(BURST, Variant.values());
            for (Variant variant : Variant.values()) {
                // The view itself: Class#getEnumConstants calls values() the first time.
                expected.put(variant.packageName() + ".Planet#values", 1L);
            }
            assertThat(ReportFile.onlyIn(out).counts()).as("every corpus method timed from its first call")
                    .isEqualTo(expected);
            assertThat(ViewDiff.between("without sonde", without, "-javaagent", woven))
                    .as("reflection views that differ").isEmpty();
        }
    }

    /**
     * The corpus is only a test of parameter names if some of it has them and some does not, and
     * only a test of the serialization id if some class has it computed.
     */
    private static void assertTheCorpusWasCompiledAsIntended(List<String> before) {
        for (Variant variant : Variant.values()) {
            String annotate = "  method: public synchronized java.lang.String " + variant.packageName() + ".Annotated.annotate(";
            int method = before.indexOf(before.stream().filter(line -> line.startsWith(annotate)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Annotated.annotate in the view of " + variant)));
            String firstParameter = before.stream().skip(method).filter(line -> line.startsWith("    parameter: "))
                    .findFirst().orElseThrow();
            assertThat(firstParameter).as(variant.toString())
                    .isEqualTo(variant.hasParameterNames() ? "    parameter: final int page" : "    parameter: int arg0");

            // A computed serialization id, which sonde must leave as it is.
            String greeter = "class: public class " + variant.packageName() + ".PoliteGreeter";
            assertThat(before.stream().dropWhile(line -> !line.equals(greeter))
                    .filter(line -> line.startsWith("  serialVersionUID: ")).findFirst())
                    .as(variant.toString()).get().asString().matches("  serialVersionUID: -?[0-9]+");
        }
    }

    /** For each stage that differs from {@code before}, its name and the readable difference. */
    private static String differences(List<String> before, Map<String, List<String>> views) {
        StringBuilder text = new StringBuilder();
        views.forEach((stage, view) -> {
            String diff = ViewDiff.between("before", before, stage, view);
            if (!diff.isEmpty()) {
                text.append("\n--- ").append(stage).append(": ").append(diff);
            }
        });
        return text.toString();
    }

    private static Map<String, Long> counts(long count, Variant... variants) {
        Map<String, Long> counts = new TreeMap<>();
        for (Variant variant : variants) {
            for (String method : CALLED_ONCE) {
                counts.put(variant.packageName() + "." + method, count);
            }
        }
        return counts;
    }

    private static Map<String, Long> dumpCounts(SondeCli sonde, long pid, Path report) throws Exception {
        assertSucceeded(sonde.run("dump", pid, "--out", report));
        return ReportFile.read(report).counts();
    }

}
