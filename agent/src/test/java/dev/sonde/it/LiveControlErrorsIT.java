package dev.sonde.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to attach, dump and detach: one line on stderr that names the cause, exit code 2, no
 * stack trace, and the target process exactly as it was.
 */
class LiveControlErrorsIT {

    private static final String PLACE = "com.acme.testapp.OrderService#place";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aPidWhoseProcessHasExitedIsSaidToHaveExited(Jdks.Jdk jdk) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        ForkedJvm.Result result = cli(jdk, "dead").run("attach", gone.pid(), "include=" + PLACE);

        assertOneLineFailure(result, "sonde attach: no process with pid " + gone.pid() + " (has it exited?)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aProcessThatIsNoJvmIsNamedAndLeftRunningAtOnce(Jdks.Jdk jdk) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            long started = System.nanoTime();
            ForkedJvm.Result result = cli(jdk, "notjava").run("attach", sleep.pid(), "include=" + PLACE);

            assertOneLineFailure(result, "sonde attach: process " + sleep.pid() + " (sleep) is not a Java virtual machine");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no 10 s wait for an attach answer")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(sleep.isAlive()).as("not signalled").isTrue();
        } finally {
            sleep.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJvmWithTheAttachMechanismDisabledIsNamedAndUnaffected(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("noattach-" + jdk.major());
        try (LongRunningService app = LongRunningService.start(
                ForkedJvm.on(jdk).jvmOption("-XX:+DisableAttachMechanism"), work.resolve("app"))) {
            ForkedJvm.Result result = new SondeCli(jdk, work).run("attach", app.pid(), "include=" + PLACE);

            assertOneLineFailure(result, "sonde attach: JVM " + app.pid()
                    + " does not accept attach requests: it was started with -XX:+DisableAttachMechanism");
            app.burst();
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(end.stderr()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void dumpAndDetachWhereSondeDoesNotRunLoadNothingIntoTheJvm(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("nosonde-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            String notRunning = "sonde is not running in JVM " + app.pid() + "; start it with: java -jar sonde-agent.jar attach "
                    + app.pid() + " include=<patterns>";
            assertOneLineFailure(sonde.run("dump", app.pid()), "sonde dump: " + notRunning);
            assertOneLineFailure(sonde.run("detach", app.pid()), "sonde detach: " + notRunning);
            assertOneLineFailure(sonde.run("attach", app.pid(), "include=com..acme"), "sonde attach: invalid configuration:"
                    + " invalid pattern 'com..acme': 'com..acme' is not a class name (letters, digits, _ $ . and * only)"
                    + " (nothing was sent to the JVM)");

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(end.stderr()).as("no agent loaded, nothing printed").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anUnwritableDumpFileIsNamedAndTheNextDumpWorks(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("unwritable-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(
                ForkedJvm.on(jdk).withAgent("include=" + PLACE + ",out=" + out), work.resolve("app"))) {
            Path aFile = Files.writeString(work.resolve("a-file"), "in the way");
            app.burst();

            assertOneLineFailure(sonde.run("dump", app.pid(), "--out", aFile.resolve("report.json")),
                    "sonde dump: could not write the report to " + aFile.resolve("report.json") + ": " + aFile
                            + " is not a directory");
            assertOneLineFailure(sonde.run("dump", app.pid(), "--out", work),
                    "sonde dump: --out names the report file to write, and " + work + " is a directory");

            ForkedJvm.Result dump = sonde.run("dump", app.pid(), "--out", work.resolve("fine.json"));
            assertThat(dump.exitCode()).as(dump.describe()).isZero();
            assertThat(ReportFile.read(work.resolve("fine.json")).counts()).containsEntry(PLACE, 500L);
            assertThat(Files.readString(aFile)).isEqualTo("in the way");
            assertThat(app.stop().exitCode()).isZero();
        }
    }

    /**
     * A JVM contacted before keeps its attach socket (and its JMX connector) open; stopped, it
     * accepts the connection and never answers, and neither the attach API nor JMX gives up by itself.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJvmThatStoppedAnsweringAfterAFirstDumpIsNamedWithinTheBound(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("stopped-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(
                ForkedJvm.on(jdk).withAgent("include=" + PLACE + ",out=" + work.resolve("out")), work.resolve("app"))) {
            ForkedJvm.Result first = sonde.run("dump", app.pid(), "--out", work.resolve("first.json"));
            assertThat(first.exitCode()).as(first.describe()).isZero();

            signal("STOP", app.pid());
            try {
                String noAnswer = "JVM " + app.pid() + " did not answer the attach request within 15 s"
                        + " (is it stopped, e.g. by kill -STOP, or hung?)";
                assertOneLineFailure(sonde.run("dump", app.pid()), "sonde dump: " + noAnswer);
                assertOneLineFailure(sonde.run("attach", app.pid(), "include=" + PLACE), "sonde attach: " + noAnswer);
            } finally {
                signal("CONT", app.pid());
            }
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJavaWithoutTheAttachApiSaysToUseAJdk(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("jre-" + jdk.major());
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .jvmOption("--limit-modules").jvmOption("java.base,java.instrument,java.management,java.management.rmi,java.sql")
                .jar(TestPaths.agentJar(), "list")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("sonde list: this Java runtime (").endsWith(") has no attach support (module jdk.attach); run sonde with a JDK's java");
    }

    /**
     * Another user's JVM: the tests run as root, and root may attach to anyone, so the command runs as
     * {@code nobody} against a JVM of root's (with {@code setpriv}); skipped where that is impossible.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void anotherUsersJvmNamesTheUserToRunAs(Jdks.Jdk jdk) throws Exception {
        Path setpriv = Paths.get("/usr/bin/setpriv");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(setpriv),
                "needs root and setpriv to run the command as another user");
        Path work = TestPaths.workDirectory("otheruser-" + jdk.major());
        try (LongRunningService app = LongRunningService.start(ForkedJvm.on(jdk), work.resolve("app"))) {
            List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
                    "--clear-groups", jdk.java().toString(), "-jar", TestPaths.agentJar().toString(),
                    "attach", String.valueOf(app.pid()), "include=" + PLACE));
            Path stderr = work.resolve("cli-stderr.txt");
            Process cli = new ProcessBuilder(command).directory(Paths.get("/tmp").toFile())
                    .redirectOutput(work.resolve("cli-stdout.txt").toFile()).redirectError(stderr.toFile()).start();
            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(cli.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(stderr)).containsExactly("sonde attach: JVM " + app.pid()
                    + " runs as user 'root' and this command as 'nobody'; the attach API connects only to JVMs of the"
                    + " same user: run it as root (e.g. sudo -u root java -jar sonde-agent.jar ...)");
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(end.stderr()).isEmpty();
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + name + " " + pid).isZero();
    }

    private static SondeCli cli(Jdks.Jdk jdk, String name) {
        return new SondeCli(jdk, TestPaths.workDirectory(name + "-" + jdk.major()));
    }

    private static void assertOneLineFailure(ForkedJvm.Result result, String line) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).as(result.describe()).containsExactly(line);
        assertThat(result.stdout()).as(result.describe()).isEmpty();
    }
}
