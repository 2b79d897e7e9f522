package dev.sonde.it;

import com.acme.testapp.jmx.LateManagementApp;
import com.acme.testapp.jmx.OwnLogManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sonde started with the JVM is controlled through its MBean: by any JMX client (here the test
 * itself, as jconsole would) and by the command line, which needs no agent loaded at run time, so
 * it works where the JVM refuses dynamically loaded agents and prints no warning for them. Where the
 * JVM has no JMX agent at all, the command line falls back to loading the agent.
 */
class ControlOverJmxIT {

    private static final String PLACE = "com.acme.testapp.OrderService#place";
    private static final String CHARGE = "com.acme.testapp.PaymentService#charge";
    private static final ObjectName AGENT = objectName("dev.sonde:type=Agent");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void theMBeanShowsTheConfigurationAndTheCommandLineUsesItWithoutLoadingAnAgent(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("jmx-" + jdk.major());
        Path out = work.resolve("out");
        ForkedJvm jvm = ForkedJvm.on(jdk).withAgent("include=" + PLACE + ",interval=10m,keep=7,out=" + out);
        if (jdk.major() >= 21) {
            jvm.jvmOption("-XX:-EnableDynamicAgentLoading");
        }
        SondeCli sonde = new SondeCli(jdk, work);
        try (LongRunningService app = LongRunningService.start(jvm, work.resolve("app"))) {
            app.burst();
            try (JMXConnector connector = LocalJmx.connect(app.pid())) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                Poll.until(Duration.ofSeconds(10), "the MBean", () -> server.isRegistered(AGENT), app::describe);
                assertThat((String[]) server.getAttribute(AGENT, "Includes")).containsExactly(PLACE);
                assertThat(server.getAttribute(AGENT, "OutputDirectory")).isEqualTo(out.toString());
                assertThat(server.getAttribute(AGENT, "Interval")).isEqualTo("10m");
                assertThat(server.getAttribute(AGENT, "Keep")).isEqualTo(7);
                assertThat((Integer) server.getAttribute(AGENT, "OperationCount")).isEqualTo(1);
                assertThat(server.getAttribute(AGENT, "Version")).isNotNull();

                String dumped = (String) server.invoke(AGENT, "dump", null, null);
                assertThat(ReportFile.read(Path.of(dumped)).counts()).containsExactly(Map.entry(PLACE, 500L));
                server.invoke(AGENT, "reset", null, null);
                assertThat(server.getAttribute(AGENT, "WindowStart"))
                        .isNotEqualTo(server.getAttribute(AGENT, "RecordingStart"));
            }

            ForkedJvm.Result attach = sonde.run("attach", app.pid(), "include=" + PLACE + ";" + CHARGE);
            assertThat(attach.exitCode()).as(attach.describe()).isZero();
            assertThat(attach.stdout()).startsWith("sonde in JVM " + app.pid() + ": reconfigured; timing [" + PLACE + ", " + CHARGE + "]");
            app.burst();
            ForkedJvm.Result dump = sonde.run("dump", app.pid(), "--out", work.resolve("after-reset.json"));
            assertThat(dump.exitCode()).as(dump.describe()).isZero();
            assertThat(ReportFile.read(work.resolve("after-reset.json")).counts()).as("the window since the JMX reset")
                    .containsOnly(Map.entry(PLACE, 500L), Map.entry(CHARGE, 500L));
            ForkedJvm.Result detach = sonde.run("detach", app.pid());
            assertThat(detach.exitCode()).as(detach.describe()).isZero();

            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(LiveControlIT.dynamicAgentWarnings(end.stderr())).isZero();
            assertThat(end.stderr()).doesNotContain("Exception");
        }
    }

    /**
     * An application server names its own LogManager and MBean server builder some seconds into its
     * start; a sonde started with the JVM must not have created the platform MBean server (which
     * decides both) nor used java.util.logging (which decides the LogManager) before that, its
     * exports included: the Prometheus exporter and the OpenTelemetry SDK log through it. The
     * command line still reaches sonde afterwards.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void startedWithTheJvmSondeLeavesTheLogManagerAndTheMBeanServerBuilderToTheApplication(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("late-management-" + jdk.major());
        Path control = Files.createDirectories(work.resolve("control"));
        String exports = ",prometheus=" + HttpProbe.freePort() + ",otlp=http://127.0.0.1:" + HttpProbe.freePort()
                + ",otlp.interval=1s";
        ForkedJvm.Running app = ForkedJvm.on(jdk).withAgent("include=" + PLACE + ",out=" + work.resolve("out") + exports)
                .mainClass(LateManagementApp.class, "2500", control.toString())
                .start(work.resolve("app"));
        try {
            Poll.until(Duration.ofSeconds(30), "the application's own start", () -> app.stdoutSoFar().contains("builder used")
                    || !app.isAlive(), () -> app.stdoutSoFar() + app.stderrSoFar());
            assertThat(app.stdoutSoFar()).contains("log manager " + OwnLogManager.class.getName())
                    .contains("own MBean server builder used true");

            ForkedJvm.Result dump = new SondeCli(jdk, work).run("dump", app.pid(), "--out", work.resolve("dump.json"));
            assertThat(dump.exitCode()).as(dump.describe()).isZero();
            assertThat(ReportFile.read(work.resolve("dump.json")).counts()).containsKey(PLACE);
        } finally {
            Files.createFile(control.resolve("stop"));
        }
        ForkedJvm.Result end = app.awaitExit();
        assertThat(end.exitCode()).as(end.describe()).isZero();
        assertThat(end.stderr()).as(end.describe()).doesNotContain("Exception: ").contains("OTLP push to");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void withoutAJmxAgentInTheJvmTheCommandsLoadTheAgentInstead(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("nojmx-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        ForkedJvm jvm = ForkedJvm.on(jdk).jvmOption("--limit-modules").jvmOption("java.base,java.instrument,java.management");
        try (LongRunningService app = LongRunningService.start(jvm, work.resolve("app"))) {
            assertThat(sonde.run("attach", app.pid(), "include=" + PLACE + ",out=" + out).exitCode()).isZero();
            app.burst();
            ForkedJvm.Result dump = sonde.run("dump", app.pid(), "--out", work.resolve("dump.json"));
            assertThat(dump.exitCode()).as(dump.describe() + app.describe()).isZero();
            assertThat(ReportFile.read(work.resolve("dump.json")).counts()).containsExactly(Map.entry(PLACE, 500L));
            ForkedJvm.Result detach = sonde.run("detach", app.pid());
            assertThat(detach.exitCode()).as(detach.describe()).isZero();
            assertThat(Files.list(out).filter(p -> p.getFileName().toString().startsWith("sonde-report-")).count()).isEqualTo(1);
            assertThat(app.stop().exitCode()).isZero();
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
