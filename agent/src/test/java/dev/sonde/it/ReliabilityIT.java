package dev.sonde.it;

import com.acme.testapp.FailureApp;
import com.acme.testapp.ManyOperationsApp;
import com.acme.testapp.QuickExitApp;
import com.acme.testapp.StackTraceApp;
import com.acme.testapp.TimingApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever happens to the agent or inside the application, the application keeps its behaviour. */
class ReliabilityIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void throwablesOfEveryKindLeaveTimedMethodsUnchangedAndAreCountedAsErrors(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("throwables-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.FailureApp#rethrow;com.acme.testapp.FailureApp#descend,out=" + out)
                .jvmOption("-Xss512k")
                .mainClass(FailureApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("all throwables arrived unchanged");
        ReportFile report = ReportFile.onlyIn(out);
        long thrown = 4L * FailureApp.ROUNDS;
        assertThat(report.operation("com.acme.testapp.FailureApp#rethrow").get("count").asLong()).isEqualTo(thrown);
        assertThat(report.operation("com.acme.testapp.FailureApp#rethrow").get("errors").asLong()).isEqualTo(thrown);
        assertThat(report.operation("com.acme.testapp.FailureApp#descend").get("errors").asLong())
                .isEqualTo(report.operation("com.acme.testapp.FailureApp#descend").get("count").asLong());
    }

    /**
     * Exceptions created inside timed methods (first line, loop, constructors, lambda, static
     * initialiser, wrapped causes, suppressed ones, from the JDK) carry the same stack traces, line
     * numbers included, as without sonde.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void stackTracesAreTheSameWithAndWithoutSonde(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("stack-traces-" + jdk.major());
        ForkedJvm.Result without = ForkedJvm.on(jdk).mainClass(StackTraceApp.class).run(work.resolve("without"));
        Path out = work.resolve("out");
        ForkedJvm.Result with = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.StackTraceApp*;com.acme.testapp.StackTraceApp$Part#<init>,out=" + out)
                .mainClass(StackTraceApp.class)
                .run(work.resolve("with"));

        assertThat(without.exitCode()).as(without.describe()).isZero();
        assertThat(with.exitCode()).as(with.describe()).isZero();
        assertThat(without.stdout()).contains("at com.acme.testapp.StackTraceApp$Part.<init>(StackTraceApp.java:")
                .doesNotContain("no exception");
        assertThat(with.stdout()).isEqualTo(without.stdout());
        assertThat(ReportFile.onlyIn(out).counts()).containsEntry("com.acme.testapp.StackTraceApp#inLoop", 2L)
                // One of three: a constructor that throws is not recorded (configuration.md).
                .containsEntry("com.acme.testapp.StackTraceApp$Part#<init>", 1L)
                .containsEntry("com.acme.testapp.StackTraceApp$Part#check", 2L)
                .containsEntry("com.acme.testapp.StackTraceApp#firstLine", 2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aProgramThatEndsWhileSondeSetsUpStillGetsItsReport(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("quick-exit-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.testapp.PaymentService,out=" + out)
                .mainClass(QuickExitApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("quick-exit done");
        assertThat(result.sondeLines()).as(result.describe()).anyMatch(line -> line.startsWith("[sonde] report written to"));
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.operationNames()).isEmpty();
        assertThat(report.root().get("warnings")).allSatisfy(warning -> assertThat(warning.asText())
                .satisfiesAnyOf(text -> assertThat(text).contains("matched no method"),
                        text -> assertThat(text).isEqualTo(
                                "the JVM shut down before sonde had finished setting up; nothing was timed")));
    }

    @Test
    void aSecondJavaagentOnTheSameCommandLineReconfiguresInsteadOfInstrumentingTwice() throws Exception {
        Path work = TestPaths.workDirectory("double-start");
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.testapp.PaymentService,out=" + out)
                .withAgent("include=com.acme.testapp.PaymentService,out=" + out)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.sondeLines()).filteredOn(line -> line.startsWith("[sonde] started")).hasSize(1);
        assertThat(result.sondeLines()).anyMatch(line -> line.startsWith("[sonde] reconfigured"));
        assertThat(ReportFile.onlyIn(out).counts()).containsOnly(
                Map.entry("com.acme.testapp.PaymentService#charge", (long) TimingApp.CHARGE_CALLS),
                Map.entry("com.acme.testapp.PaymentService#refund", (long) TimingApp.REFUND_CALLS));
    }

    @Test
    void aDamagedAgentJarLeavesTheApplicationRunningWithOneLine() throws Exception {
        Path work = TestPaths.workDirectory("damaged-jar");
        Files.createDirectories(work);
        Path damaged = work.resolve("sonde-agent.jar");
        copyWithout(TestPaths.agentJar(), damaged, "inst/dev/sonde/instrument/Instrumenter.class");
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .jvmOption("-javaagent:" + damaged + "=include=com.acme.testapp.PaymentService,out=" + work.resolve("out"))
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("timing-app done");
        assertThat(result.sondeLines()).hasSize(1);
        assertThat(result.sondeLines().get(0)).startsWith("[sonde] not started: ").contains("Instrumenter");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    @Test
    void reportsAreCreatedNoWiderThanOwnerReadWrite() throws Exception {
        Path work = TestPaths.workDirectory("permissions");
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.testapp.PaymentService,out=" + out)
                .mainClass(TimingApp.class)
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ReportFile.onlyIn(out).path());
        assertThat(permissions).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void shutdownWithFiveThousandOperationsWritesTheReportWithinTwoSeconds() throws Exception {
        Path work = TestPaths.workDirectory("huge-report");
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.generated.**,max.operations=6000,out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(ManyOperationsApp.class, "50", "100")
                .run(work);
        long exited = System.currentTimeMillis();

        assertThat(result.exitCode()).as(result.describe()).isZero();
        long workEnded = result.stdout().lines().filter(l -> l.startsWith("work-ended-at "))
                .mapToLong(l -> Long.parseLong(l.substring("work-ended-at ".length()))).findFirst().orElseThrow();
        assertThat(exited - workEnded).as("ms from the end of main to the process exit").isLessThan(2_000 + 1_000);
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).hasSize(5_000);
        assertThat(report.counts().values()).containsOnly(1L);
    }

    @Test
    void tenThousandMatchedMethodsAreCappedWithOneLineAndPatternsThatTimeNothingAreNamed() throws Exception {
        Path work = TestPaths.workDirectory("cardinality");
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.generated.**;com.acme.nosuch.Typo#run;java.util.HashMap#get,"
                        + "max.operations=100,out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(ManyOperationsApp.class, "100", "100")
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("calls 10000");
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).hasSize(101).containsEntry("(other)", 9_900L);
        assertThat(report.root().get("dropped").get("operations").asLong()).isEqualTo(9_900L);
        assertThat(result.sondeLines()).filteredOn(line -> line.contains("max.operations=100 reached")).hasSize(1);
        assertThat(result.sondeLines()).filteredOn(line -> line.contains("java.util.HashMap#get names JDK or sonde classes"))
                .hasSize(1);
        List<String> warnings = new ArrayList<>();
        report.root().get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).as("patterns that timed nothing, in the report").containsExactlyInAnyOrder(
                "include pattern com.acme.nosuch.Typo#run matched no method of any class loaded while sonde ran",
                "include pattern java.util.HashMap#get matched no method of any class loaded while sonde ran");
        assertThat(result.sondeLines()).anyMatch(line -> line.contains("com.acme.nosuch.Typo#run matched no method"));
    }

    @Test
    void sondeOpensNoListeningSocket() throws Exception {
        Path work = TestPaths.workDirectory("no-port");
        ForkedJvm.Running running = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.testapp.**,out=" + work.resolve("out"))
                .mainClass(com.acme.testapp.ThreadChurnApp.class, "platform", "200")
                .start(work);
        Thread.sleep(1_500);
        long pid = running.pid();
        assertThat(ListeningSockets.of(pid)).as("listening sockets of pid %d", pid).isEmpty();
        running.awaitExit();
    }

    /** The control for the test above: the same check does see a server's listening socket. */
    @Test
    void listeningSocketCheckSeesARealServer() throws Exception {
        Path work = TestPaths.workDirectory("server-port");
        int port = HttpProbe.freePort();
        ForkedJvm.Running running = ForkedJvm.on(Jdks.current())
                .mainClass(com.acme.web.jdk.JdkServerApp.class, String.valueOf(port))
                .start(work);
        new HttpProbe(port).awaitReady("/api/owners/1", running, java.time.Duration.ofSeconds(30));
        assertThat(ListeningSockets.of(running.pid()))
                .anyMatch(address -> address.endsWith(String.format(":%04X", port)));
        running.terminate();
    }

    private static void copyWithout(Path source, Path target, String entryToDrop) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (!entry.getName().equals(entryToDrop)) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }
}
