package dev.sonde.it;

import com.acme.testapp.ProfilingApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Allocation per call and self time, measured in a real JVM against methods whose figures are known. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilingIT {

    private static final String APP = "com.acme.testapp.ProfilingApp#";
    private static final long MICROS = 1_000;

    private ReportsByJdk reports;

    @BeforeAll
    void runTheAppOnEachJdk() throws Exception {
        reports = ReportsByJdk.run("profiling", ProfilingApp.class,
                "include=com.acme.testapp.ProfilingApp#*,exclude=com.acme.testapp.ProfilingApp#spin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void methodAllocatingAKnownArrayReportsThatManyBytesPerCall(Jdks.Jdk jdk) {
        JsonNode alloc = reports.on(jdk).operation(APP + "allocate").get("allocBytes");
        double expected = ProfilingApp.ARRAY_BYTES;
        assertThat(alloc.get("p50").asDouble()).isCloseTo(expected, within(expected * 0.03));
        assertThat(alloc.get("mean").asDouble()).isCloseTo(expected, within(expected * 0.03));
        assertThat(alloc.get("total").asLong()).isGreaterThanOrEqualTo(ProfilingApp.ALLOCATE_CALLS * ProfilingApp.ARRAY_BYTES);
        assertThat(alloc.get("unavailable").asLong()).isZero();
        assertThat(reports.on(jdk).ranking("byAllocBytes")).first().isIn(APP + "allocate", APP + "main");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void methodThatAllocatesNothingReportsAboutZero(Jdks.Jdk jdk) {
        JsonNode idle = reports.on(jdk).operation(APP + "idle");
        assertThat(idle.get("count").asLong()).isEqualTo(ProfilingApp.IDLE_CALLS);
        assertThat(idle.get("allocBytes").get("p50").asLong()).isZero();
        assertThat(idle.get("allocBytes").get("p99").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void callerOfTwoTimedChildrenHasOnlyItsOwnWorkAsSelfTime(Jdks.Jdk jdk) {
        ReportFile report = reports.on(jdk);
        JsonNode parent = report.operation(APP + "parent");
        long childrenTotal = report.operation(APP + "childA").get("latencyNs").get("total").asLong()
                + report.operation(APP + "childB").get("latencyNs").get("total").asLong();
        // Exact, whatever the machine's load: self = own duration minus the timed callees' durations.
        assertThat(parent.get("selfNs").get("total").asLong())
                .isEqualTo(parent.get("latencyNs").get("total").asLong() - childrenTotal);
        long own = ProfilingApp.PARENT_SPIN_MICROS * MICROS;
        assertThat(parent.get("selfNs").get("p50").asLong()).isGreaterThanOrEqualTo(own)
                .isLessThan(parent.get("latencyNs").get("p50").asLong() / 2);
        JsonNode child = report.operation(APP + "childA");
        assertThat(child.get("selfNs").get("total")).isEqualTo(child.get("latencyNs").get("total"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void recursionCountsEachLevelsOwnTimeOnce(Jdks.Jdk jdk) {
        JsonNode recurse = reports.on(jdk).operation(APP + "recurse");
        long calls = (long) ProfilingApp.RECURSE_CALLS * ProfilingApp.DEPTH;
        assertThat(recurse.get("count").asLong()).isEqualTo(calls);
        long ownTime = calls * ProfilingApp.LEVEL_SPIN_MICROS * MICROS;
        long selfTotal = recurse.get("selfNs").get("total").asLong();
        long latencyTotal = recurse.get("latencyNs").get("total").asLong();
        // Each level spins until a deadline, so no spin is shorter than asked: the totals have exact
        // lower bounds. Inclusive time counts deeper levels again at each level, 5+4+3+2+1 = 15 spins
        // per outer call against 5 of self time.
        assertThat(selfTotal).isGreaterThanOrEqualTo(ownTime);
        assertThat(latencyTotal).isGreaterThanOrEqualTo(3 * ownTime);
        // Medians, which a stall of the machine cannot move (a ratio of totals can: one 40 ms stall
        // in a 60 ms run counts once in self time and up to five times in inclusive time). A level's
        // self time is its own spin; self time that included the callees would have the median of
        // the inclusive times (level 3, three spins), one that counted a level's own time twice two.
        long spin = ProfilingApp.LEVEL_SPIN_MICROS * MICROS;
        assertThat(recurse.get("selfNs").get("p50").asLong()).isGreaterThanOrEqualTo(spin).isLessThan(2 * spin);
        assertThat(recurse.get("latencyNs").get("p50").asLong()).isGreaterThanOrEqualTo(3 * spin).isLessThan(4 * spin);
    }
}
