package dev.sonde.it;

import com.acme.testapp.TimingApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent times methods of every shape in a real JVM, and the shutdown report says so exactly. */
class MethodTimingIT {

    private static final String ORDERS = "com.acme.testapp.OrderService#";
    private static final long MILLIS = 1_000_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reportCountsEveryCallExactlyAndTimesThemPlausibly(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("timing-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = runTimingApp(jdk, work, "include=com.acme.testapp.OrderService,out=" + out);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("caught " + TimingApp.FAIL_CALLS + " of " + TimingApp.FAIL_CALLS);
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.root().get("schema").asText()).isEqualTo("sonde-report/1");
        assertThat(report.root().get("trigger").asText()).isEqualTo("shutdown");
        assertThat(report.counts()).containsOnly(
                entry("place", TimingApp.PLACE_CALLS + TimingApp.PLACE_NOTE_CALLS),
                entry("checksum", TimingApp.CHECKSUM_CALLS + (long) TimingApp.THREADS * TimingApp.CALLS_PER_THREAD),
                entry("count", TimingApp.COUNT_CALLS),
                entry("factorial", TimingApp.FACTORIAL_CALLS * TimingApp.FACTORIAL_DEPTH),
                entry("sleep", TimingApp.SLEEP_CALLS),
                entry("fail", TimingApp.FAIL_CALLS),
                entry("annotated", TimingApp.ANNOTATED_CALLS));
        assertThat(result.sondeLines()).anyMatch(line -> line.contains("report written to " + report.path()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void sleepingMethodHasMedianNearItsSleepAndThrowingMethodCountsErrors(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("latency-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = runTimingApp(jdk, work, "include=" + ORDERS + "sleep;" + ORDERS + "fail,out=" + out);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        ReportFile report = ReportFile.onlyIn(out);
        JsonNode sleep = report.operation(ORDERS + "sleep").get("latencyNs");
        assertThat(sleep.get("p50").asLong()).isBetween(20 * MILLIS, 40 * MILLIS);
        assertThat(sleep.get("min").asLong()).isGreaterThanOrEqualTo(20 * MILLIS);
        assertThat(sleep.get("p99").asLong()).isBetween(sleep.get("p50").asLong(), sleep.get("max").asLong());
        assertThat(sleep.get("total").asLong()).isGreaterThanOrEqualTo(TimingApp.SLEEP_CALLS * 20 * MILLIS);
        assertThat(sleep.get("histogram").asText()).isNotEmpty();

        JsonNode fail = report.operation(ORDERS + "fail");
        assertThat(fail.get("count").asLong()).isEqualTo(TimingApp.FAIL_CALLS);
        assertThat(fail.get("errors").asLong()).isEqualTo(TimingApp.FAIL_CALLS);
        assertThat(report.operation(ORDERS + "sleep").get("errors").asLong()).isZero();
        assertThat(report.ranking("byTotalTime")).startsWith(ORDERS + "sleep");
        assertThat(report.ranking("byP99")).startsWith(ORDERS + "sleep");
    }

    /**
     * This diagnostic option does for application classes what {@code -Xverify:none} does
     * (deprecated, still honoured, and once added by IDEs for faster starts). The agent's trampoline
     * then resolves its class loader only after appending the jar to the bootstrap class path, a case
     * that made sonde refuse to start.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void startsAndCountsExactlyWhenTheJvmDoesNotVerifyClasses(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("unverified-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = runTimingApp(jdk, work, "include=" + ORDERS + "fail;" + ORDERS + "count,out=" + out,
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.sondeLines()).as(result.describe()).noneMatch(line -> line.contains("not started"));
        assertThat(ReportFile.onlyIn(out).counts()).containsOnly(
                entry("fail", TimingApp.FAIL_CALLS),
                entry("count", TimingApp.COUNT_CALLS));
    }

    /** JDKs that still let a security manager be installed (JDK 24 removed it). */
    static List<Jdks.Jdk> jdksWithSecurityManager() {
        return Jdks.all().stream().filter(jdk -> jdk.major() < 24).collect(java.util.stream.Collectors.toList());
    }

    /**
     * Under a security manager whose policy says nothing of sonde, sonde cannot start (one line, the
     * application unchanged); with its jar granted every permission, as troubleshooting.md says, it
     * starts and counts as usual.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdksWithSecurityManager")
    void underASecurityManagerStartsOnlyWhenThePolicyGrantsItsJar(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("security-manager-" + jdk.major());
        Path denied = work.resolve("denied");
        ForkedJvm.Result withoutGrant = runTimingApp(jdk, work, "include=" + ORDERS + "fail,out=" + denied,
                "-Djava.security.manager");
        assertThat(withoutGrant.exitCode()).as(withoutGrant.describe()).isZero();
        assertThat(withoutGrant.stdout()).contains("caught " + TimingApp.FAIL_CALLS + " of " + TimingApp.FAIL_CALLS);
        assertThat(withoutGrant.sondeLines()).as(withoutGrant.describe()).singleElement().asString()
                .startsWith("[sonde] not started: java.security.AccessControlException: access denied")
                .endsWith("; the application runs without sonde");
        assertThat(denied).doesNotExist();

        Path policy = work.resolve("sonde.policy");
        java.nio.file.Files.writeString(policy, "grant codeBase \"" + TestPaths.agentJar().toUri()
                + "\" {\n    permission java.security.AllPermission;\n};\n");
        Path out = work.resolve("out");
        ForkedJvm.Result granted = runTimingApp(jdk, work, "include=" + ORDERS + "fail,out=" + out,
                "-Djava.security.manager", "-Djava.security.policy=" + policy);
        assertThat(granted.exitCode()).as(granted.describe()).isZero();
        assertThat(ReportFile.onlyIn(out).counts()).containsOnly(entry("fail", TimingApp.FAIL_CALLS));
    }

    private static ForkedJvm.Result runTimingApp(Jdks.Jdk jdk, Path work, String agentArguments, String... jvmOptions)
            throws Exception {
        ForkedJvm jvm = ForkedJvm.on(jdk);
        for (String option : jvmOptions) {
            jvm.jvmOption(option);
        }
        return jvm.withAgent(agentArguments).mainClass(TimingApp.class).run(work);
    }

    private static java.util.Map.Entry<String, Long> entry(String method, long count) {
        return java.util.Map.entry(ORDERS + method, count);
    }
}
