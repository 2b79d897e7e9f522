package dev.sonde.it;

import com.acme.optionalapp.OptionalDependencyApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application class that names an optional library (in a field, in method signatures, in
 * annotations) runs without that library under sonde, and every one of its methods is timed: the
 * JVM needs the library's types only on code paths that use them, and sonde needs no more.
 */
class OptionalDependencyIT {

    private static final String APP_PACKAGE = "com/acme/optionalapp";
    private static final String FEATURES = "com.acme.optionalapp.OptionalFeatures#";
    private static final String SPECIAL = "com.acme.optionalapp.SpecialFeatures#";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void classNamingAMissingLibraryRunsUnchangedAndAllItsMethodsAreTimed(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("optional-dependency-" + jdk.major());
        Path classes = applicationWithoutItsOptionalLibrary(work.resolve("classes"));

        ForkedJvm.Result without = ForkedJvm.on(jdk)
                .classpath(classes)
                .mainClass(OptionalDependencyApp.class)
                .run(work.resolve("without"));
        assertThat(without.exitCode()).as(without.describe()).isZero();
        assertThat(without.stdout()).contains("library present 0 of " + OptionalDependencyApp.PROBE_CALLS);

        Map<String, Long> counts = timedRun(jdk, "com.acme.optionalapp.**", classes, work, without.stdout());
        assertThat(counts).containsOnly(
                Map.entry("com.acme.optionalapp.OptionalDependencyApp#main", 1L),
                Map.entry(SPECIAL + "special", (long) OptionalDependencyApp.SPECIAL_CALLS),
                Map.entry(FEATURES + "compute",
                        (long) OptionalDependencyApp.COMPUTE_CALLS + OptionalDependencyApp.SPECIAL_CALLS),
                Map.entry(FEATURES + "libraryPresent", (long) OptionalDependencyApp.PROBE_CALLS),
                Map.entry(FEATURES + "useOptional", (long) OptionalDependencyApp.USE_CALLS),
                Map.entry(FEATURES + "current", (long) OptionalDependencyApp.CURRENT_CALLS),
                Map.entry(FEATURES + "sizes", (long) OptionalDependencyApp.SIZES_CALLS),
                Map.entry(FEATURES + "describe", (long) OptionalDependencyApp.DESCRIBE_CALLS));
    }

    /** A subclass selected through its superclass's annotation, which sits beside the missing library's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void annotationPatternSelectsTheClassAndItsSubclassDespiteTheMissingLibrary(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("optional-annotation-" + jdk.major());
        Path classes = applicationWithoutItsOptionalLibrary(work.resolve("classes"));

        Map<String, Long> counts = timedRun(jdk, "@com.acme.optionalapp.Feature", classes, work, null);
        assertThat(counts).containsKeys(FEATURES + "useOptional", FEATURES + "current", FEATURES + "sizes")
                .containsEntry(SPECIAL + "special", (long) OptionalDependencyApp.SPECIAL_CALLS)
                .hasSize(7);
    }

    /** Runs the application under sonde with {@code include}; no class fails to be instrumented. */
    private static Map<String, Long> timedRun(Jdks.Jdk jdk, String include, Path classes, Path work,
                                              String expectedOutput) throws Exception {
        Path out = work.resolve("out");
        ForkedJvm.Result with = ForkedJvm.on(jdk)
                .withAgent("include=" + include + ",out=" + out)
                .classpath(classes)
                .mainClass(OptionalDependencyApp.class)
                .run(work.resolve("with"));
        assertThat(with.exitCode()).as(with.describe()).isZero();
        if (expectedOutput != null) {
            assertThat(with.stdout()).isEqualTo(expectedOutput);
        }
        assertThat(with.sondeLines()).as(with.describe()).noneMatch(line -> line.contains("could not instrument"));
        return ReportFile.onlyIn(out).counts();
    }

    /** The application's own classes, copied from the test classes without the optional library's package. */
    private static Path applicationWithoutItsOptionalLibrary(Path directory) throws IOException {
        Path source = TestPaths.testClasses().resolve(APP_PACKAGE);
        Path target = Files.createDirectories(directory.resolve(APP_PACKAGE));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return directory;
    }
}
