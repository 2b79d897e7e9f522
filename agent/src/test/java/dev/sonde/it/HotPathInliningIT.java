package dev.sonde.it;

import com.acme.testapp.HotLoopApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JIT compiles a timed method with sonde's recording path inlined into it: no call of that path
 * stays out of line because a class its signature names is not loaded. C2 does not inline such a
 * method whatever its size, and an optional part (profiling's call windows) is not loaded until it
 * is first used: an accessor returning it was once a real call on every timed call (about 4 ns of
 * the 16 above the two clock reads). Read from the JVM's own inlining decisions
 * ({@code -XX:+PrintInlining}) for a method called millions of times, timing only and with the
 * defaults (allocation and self time), on each JDK.
 */
class HotPathInliningIT {

    private static final String APP = "com.acme.testapp.HotLoopApp";
    private static final String UNLOADED = "unloaded signature classes";

    static Stream<Arguments> jdksAndRecordings() {
        return Jdks.all().stream().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "timing only", "alloc=off,self=off", "dev.sonde.bootstrap.Recorder::record "),
                Arguments.of(jdk, "defaults", "", "dev.sonde.bootstrap.Recorder::exit ")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndRecordings")
    void theRecordingPathIsInlinedIntoTheTimedMethod(Jdks.Jdk jdk, String recording, String options,
                                                     String entryPoint) throws Exception {
        Path work = TestPaths.workDirectory("hot-path-inlining-" + jdk.major() + "-" + recording.replace(' ', '-'));
        Path out = work.resolve("out");
        String arguments = "include=" + APP + "#descend,out=" + out + (options.isEmpty() ? "" : "," + options);
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .jvmOption("-XX:+UnlockDiagnosticVMOptions")
                .jvmOption("-XX:+PrintInlining")
                .withAgent(arguments)
                .mainClass(HotLoopApp.class)
                .run(work);
        assertThat(result.exitCode()).as(result.describe()).isZero();

        List<String> decisions = result.stdout().lines().collect(Collectors.toList());
        assertThat(decisions).as("the JIT inlined sonde's entry point into a compiled method")
                .anyMatch(line -> line.contains(entryPoint) && line.contains("inline (hot)"));
        assertThat(decisions).as("calls of sonde's recording path kept out of line for an unloaded class")
                .noneMatch(line -> line.contains(UNLOADED)
                        && (line.contains("dev.sonde.record.") || line.contains("dev.sonde.bootstrap.")));
        assertThat(ReportFile.onlyIn(out).counts().get(APP + "#descend"))
                .isEqualTo((long) HotLoopApp.CHAINS * HotLoopApp.DEPTH);
    }
}
