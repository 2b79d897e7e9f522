package dev.sonde.it;

import com.acme.testapp.ThrowingConstructorApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Constructors that throw (their exit advice never runs) leave the self time and allocation of the
 * thread's later calls intact, in a real JVM, even when there are more of them than frames per thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrowingConstructorIT {

    private static final String APP = "com.acme.testapp.ThrowingConstructorApp";
    private static final String QUANTITY = APP + "$Quantity#<init>";
    private static final long MICROS = 1_000;

    private ReportsByJdk reports;

    @BeforeAll
    void runTheAppOnEachJdk() throws Exception {
        reports = ReportsByJdk.run("throwing-constructor", ThrowingConstructorApp.class,
                "include=" + APP + "#parent;" + APP + "#child;" + QUANTITY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void callsAfterMoreThrowingConstructorsThanFramesStillHaveSelfTimeAndAllocation(Jdks.Jdk jdk) {
        JsonNode child = reports.on(jdk).operation(APP + "#child");
        assertThat(child.get("count").asLong()).isEqualTo(ThrowingConstructorApp.PARENT_CALLS);
        assertThat(child.has("selfNs")).as("child has selfNs: %s", child).isTrue();
        assertThat(child.get("selfNs").get("total")).isEqualTo(child.get("latencyNs").get("total"));
        assertThat(child.has("allocBytes")).as("child has allocBytes: %s", child).isTrue();
        double expected = ThrowingConstructorApp.CHILD_ARRAY_BYTES;
        assertThat(child.get("allocBytes").get("p50").asDouble()).isCloseTo(expected, within(expected * 0.05));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void parentThatCatchesAThrowingConstructorHasOnlyItsOwnWorkAsSelfTime(Jdks.Jdk jdk) {
        ReportFile report = reports.on(jdk);
        JsonNode parent = report.operation(APP + "#parent");
        assertThat(parent.has("selfNs")).as("parent has selfNs: %s", parent).isTrue();
        long childTotal = report.operation(APP + "#child").get("latencyNs").get("total").asLong();
        // Exact: the child is the parent's only timed callee (the rejected construction is not recorded).
        assertThat(parent.get("selfNs").get("total").asLong())
                .isEqualTo(parent.get("latencyNs").get("total").asLong() - childTotal);
        long own = ThrowingConstructorApp.PARENT_SPIN_MICROS * MICROS;
        long child = ThrowingConstructorApp.CHILD_SPIN_MICROS * MICROS;
        // Had the child been credited to the rejected construction, every self time would exceed own + child.
        assertThat(parent.get("selfNs").get("p50").asLong()).isGreaterThanOrEqualTo(own).isLessThan(own + child);
        assertThat(parent.has("allocBytes")).as("parent has allocBytes: %s", parent).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void constructorsThatReturnAreRecordedAndThoseThatThrowAreNot(Jdks.Jdk jdk) {
        JsonNode quantity = reports.on(jdk).operation(QUANTITY);
        assertThat(quantity.get("count").asLong()).isEqualTo(ThrowingConstructorApp.ACCEPTED);
        assertThat(quantity.get("errors").asLong()).isZero();
        assertThat(quantity.has("selfNs")).as("constructor has selfNs: %s", quantity).isTrue();
        assertThat(quantity.has("allocBytes")).as("constructor has allocBytes: %s", quantity).isTrue();
    }
}
