package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM keeps the sonde classes of its first start (their jar stays on its boot class path after
 * {@code detach}), so a later attach from another sonde jar would run the first one's code. Such
 * an attach is refused with one line that names both jars; a copy of the same jar elsewhere starts.
 */
class SondeVersionSkewIT {

    private static final String PLACE = "com.acme.testapp.OrderService#place";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anotherSondeAfterADetachIsRefusedAndTheJvmRunsOn(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("skew-" + jdk.major());
        Path newer = withOtherCode(TestPaths.agentJar(), work.resolve("newer/sonde-agent.jar"), "9.9.9");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            attachAndDetach(sonde, TestPaths.agentJar(), app.pid());

            ForkedJvm.Result refused = sonde.runFrom(newer, "attach", app.pid(), "include=" + PLACE);

            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
            assertThat(refused.stderr().lines()).as(refused.describe()).containsExactly("sonde attach: JVM " + app.pid()
                    + " holds the classes of sonde " + versionOf(TestPaths.agentJar()) + ", not 9.9.9, from "
                    + TestPaths.agentJar() + " (an earlier start in it), and a JVM keeps the sonde it loaded first:"
                    + " this start would run that code; attach with " + TestPaths.agentJar() + " if it still holds"
                    + " that build, or restart the JVM to use " + newer);
            assertRunsOnWithTheFirstStartOnly(app);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJarReplacedByAnotherBuildAtTheSamePathIsRefused(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("skew-replaced-" + jdk.major());
        Path jar = copyOfAgentJar(work.resolve("opt"));
        String version = versionOf(jar);
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            attachAndDetach(sonde, jar, app.pid());
            // As a rebuild or an upgrade does it: a new file at the old path (the JVM keeps the old one open).
            Files.delete(jar);
            withOtherCode(TestPaths.agentJar(), jar, version);

            ForkedJvm.Result refused = sonde.runFrom(jar, "attach", app.pid(), "include=" + PLACE);

            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
            assertThat(refused.stderr().lines()).as(refused.describe()).containsExactly("sonde attach: JVM " + app.pid()
                    + " holds the classes of another build of sonde " + version + " from " + jar
                    + " (an earlier start in it), and a JVM keeps the sonde it loaded first: this start would run"
                    + " that code; that jar has been replaced since. Restart the JVM to use it");
            assertRunsOnWithTheFirstStartOnly(app);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aCopyOfTheSameJarElsewhereStartsAgain(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("skew-copy-" + jdk.major());
        Path copy = copyOfAgentJar(work.resolve("copy"));
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            attachAndDetach(sonde, TestPaths.agentJar(), app.pid());

            SondeCli.assertSucceeded(sonde.runFrom(copy, "attach", app.pid(), "include=" + PLACE));
            app.burst();
            ForkedJvm.Result detach = sonde.runFrom(copy, "detach", app.pid());
            SondeCli.assertSucceeded(detach);
            assertThat(ReportFile.read(SondeCli.finalReport(detach)).counts()).containsEntry(PLACE, 500L);
            assertThat(app.stop().exitCode()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJvmWhoseSondeJarIsGoneSaysSoAndRunsOn(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("skew-gone-" + jdk.major());
        Path old = copyOfAgentJar(work.resolve("old"));
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            attachAndDetach(sonde, old, app.pid());
            Files.delete(old);

            ForkedJvm.Result refused = sonde.run("attach", app.pid(), "include=" + PLACE);

            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
            assertThat(refused.stderr().lines()).as(refused.describe()).containsExactly("sonde attach: JVM " + app.pid()
                    + " holds the classes of the sonde jar " + old + " from an earlier start, and that jar is not there"
                    + " (any more, or from here); a JVM keeps the sonde it loaded first, so it cannot start there again:"
                    + " restart the JVM to use " + TestPaths.agentJar());
            app.burst();
            assertThat(app.stop().exitCode()).isZero();
        }
    }

    /** The refused start never reached the JVM: it runs on, and says it started once, at the first start. */
    private static void assertRunsOnWithTheFirstStartOnly(LongRunningService app) throws Exception {
        app.burst();
        ForkedJvm.Result end = app.stop();
        assertThat(end.exitCode()).isZero();
        assertThat(end.stderr().lines().filter(line -> line.startsWith("[sonde] started")))
                .as("the first start only: the refused one never reached the JVM").hasSize(1);
    }

    /** A first start in the JVM from {@code jar}, and its detach: the JVM keeps that jar's classes. */
    private static void attachAndDetach(SondeCli sonde, Path jar, long pid) throws Exception {
        SondeCli.assertSucceeded(sonde.runFrom(jar, "attach", pid, "include=" + PLACE));
        SondeCli.assertSucceeded(sonde.runFrom(jar, "detach", pid));
    }

    /** The agent jar copied into {@code directory}, as a user who keeps sonde elsewhere has it. */
    private static Path copyOfAgentJar(Path directory) throws IOException {
        Path copy = Files.createDirectories(directory).resolve("sonde-agent.jar");
        return Files.copy(TestPaths.agentJar(), copy, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String versionOf(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            return in.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    /** The agent jar as another build makes it: one more class file, another build checksum, {@code version}. */
    private static Path withOtherCode(Path agentJar, Path target, String version) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarInputStream in = new JarInputStream(Files.newInputStream(agentJar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            manifest.getMainAttributes().put(new Attributes.Name("Sonde-Build"), "another-build");
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("inst/dev/sonde/NewerBuild.class"));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
                out.closeEntry();
            }
        }
        return target;
    }
}
