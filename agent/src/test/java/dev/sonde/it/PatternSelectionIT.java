package dev.sonde.it;

import com.acme.testapp.TimingApp;
import com.acme.testapp.patterns.PatternsApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of pattern selects exactly the expected methods of a real application, on each JDK. */
class PatternSelectionIT {

    private static final String APP = "com.acme.testapp.";
    private static final String ORDERS = APP + "OrderService#";
    private static final String FIXTURES = APP + "patterns.";

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            cases.add(Arguments.of(jdk, "include=" + APP + "*Service#charge*;" + APP + "*Service#refund",
                    Set.of(APP + "PaymentService#charge", APP + "PaymentService#refund")));
            cases.add(Arguments.of(jdk, "include=com.acme.**Service#audit",
                    Set.of(APP + "internal.AuditService#audit")));
            cases.add(Arguments.of(jdk, "include=com.acme.*.*Service#audit", Set.of()));
            cases.add(Arguments.of(jdk, "include=@" + APP + "Component#*",
                    Set.of(APP + "PaymentService#charge", APP + "PaymentService#refund")));
            cases.add(Arguments.of(jdk, "include=+" + APP + "Handler#*",
                    Set.of(APP + "FastHandler#handle")));
            cases.add(Arguments.of(jdk, "include=" + APP + "OrderService#@" + APP + "Timed",
                    Set.of(ORDERS + "annotated")));
            cases.add(Arguments.of(jdk, "include=" + ORDERS + "place(long),include=" + APP + "PaymentService#<init>",
                    Set.of(ORDERS + "place", APP + "PaymentService#<init>")));
            cases.add(Arguments.of(jdk, "include=" + APP + "OrderService;" + APP + "PaymentService,exclude=" + ORDERS
                    + "s*;" + ORDERS + "f*;" + APP + "PaymentService",
                    Set.of(ORDERS + "place", ORDERS + "count", ORDERS + "checksum", ORDERS + "annotated")));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void patternSelectsExactlyTheExpectedMethods(Jdks.Jdk jdk, String agentArguments, Set<String> expected)
            throws Exception {
        Path work = TestPaths.workDirectory("pattern-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent(agentArguments + ",out=" + out)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(ReportFile.onlyIn(out).counts().keySet()).as(result.describe())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void oneOverloadCountsOnlyItsOwnCalls(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("overload-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + ORDERS + "place(long,java.lang.String),out=" + out)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(ReportFile.onlyIn(out).counts())
                .containsOnly(java.util.Map.entry(ORDERS + "place", (long) TimingApp.PLACE_NOTE_CALLS));
    }

    /**
     * Neither pattern is told from the subclass's own class file: sonde reads its superclasses'
     * files (and the annotation's, to learn that it is inherited) before they are loaded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anInheritedAnnotationAndASupertypeSelectSubclassesThatDoNotNameThem(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("hierarchy-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=@" + FIXTURES + "Audited#perform;+" + FIXTURES + "Job#verify,out=" + out)
                .mainClass(PatternsApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        long calls = PatternsApp.JOB_CALLS;
        assertThat(ReportFile.onlyIn(out).counts()).as(result.describe()).containsOnly(
                Map.entry(FIXTURES + "Job#perform", calls),
                Map.entry(FIXTURES + "NightlyJob#perform", calls),
                Map.entry(FIXTURES + "BackupJob#perform", calls),
                Map.entry(FIXTURES + "BackupJob#verify", calls));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void constructorsMatchTheirSourceParametersVarargsTheirArrayAndOnlyJdkProxiesAreSkipped(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("source-signatures-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + FIXTURES + "Order$Tracker#<init>(String);" + FIXTURES + "Op#<init>(String);"
                        + FIXTURES + "Order#note(String...);" + FIXTURES + "Client$ProxySettings#*,out=" + out)
                .mainClass(PatternsApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(ReportFile.onlyIn(out).counts()).as(result.describe()).containsOnly(
                Map.entry(FIXTURES + "Order$Tracker#<init>", (long) PatternsApp.TRACKERS),
                Map.entry(FIXTURES + "Op#<init>", (long) PatternsApp.OP_SYMBOL_CONSTRUCTIONS),
                Map.entry(FIXTURES + "Order#note", (long) PatternsApp.NOTES),
                Map.entry(FIXTURES + "Client$ProxySettings#host", (long) PatternsApp.PROXY_SETTINGS));
        assertThat(result.sondeLines()).noneMatch(line -> line.contains("matched no method"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anIncludeThatAnExcludeEmptiesIsReportedAsExcludedNotAsATypo(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("excluded-include-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + FIXTURES + "Order#total;" + FIXTURES + "Order#note,exclude=" + FIXTURES
                        + "Order#t*,out=" + out)
                .mainClass(PatternsApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as(result.describe())
                .containsOnly(Map.entry(FIXTURES + "Order#note", (long) PatternsApp.NOTES));
        String warning = "include pattern " + FIXTURES + "Order#total timed nothing: every method it matched is"
                + " removed by exclude " + FIXTURES + "Order#t*";
        assertThat(result.sondeLines()).as(result.describe())
                .containsOnlyOnce("[sonde] " + warning + "; narrow the exclude to time them")
                .noneMatch(line -> line.contains("matched no method"));
        List<String> warnings = new ArrayList<>();
        report.root().get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).containsExactly(warning);
    }
}
