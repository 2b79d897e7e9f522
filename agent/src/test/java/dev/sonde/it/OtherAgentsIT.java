package dev.sonde.it;

import com.acme.agent.CountingAgent;
import com.acme.testapp.TimingApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sonde beside other agents in one JVM: the OpenTelemetry Java agent (its own shaded Byte Buddy,
 * timing the same method through {@code otel.instrumentation.methods.include}) and a plain Byte
 * Buddy agent counting the same method, with {@code -javaagent} in either order. Every agent does
 * its work, and sonde's counts stay exact. sonde pushes over OTLP too, with its own relocated
 * OpenTelemetry SDK beside the agent's: its last push, at exit, reaches the collector.
 */
class OtherAgentsIT {

    private static final String ORDERS = "com.acme.testapp.OrderService";
    private static final String SLEEP = ORDERS + "#sleep";

    /** One run per JDK (the OpenTelemetry agent takes seconds to start): sonde first on one, last on the other. */
    static Stream<Arguments> jdksAndOrders() {
        List<Jdks.Jdk> jdks = Jdks.all();
        return Stream.of(Arguments.of(jdks.get(0), true), Arguments.of(jdks.get(1), false));
    }

    @ParameterizedTest(name = "{0}, sonde first: {1}")
    @MethodSource("jdksAndOrders")
    void openTelemetryAgentAndAPlainByteBuddyAgentTimeTheSameMethodAndSondeCountsStayExact(Jdks.Jdk jdk, boolean sondeFirst)
            throws Exception {
        Path work = TestPaths.workDirectory("other-agents-" + jdk.major() + (sondeFirst ? "-sonde-first" : "-sonde-last"));
        Path out = work.resolve("out");
        Path countingAgent = countingAgentJar(work);
        String otel = "-javaagent:" + TestPaths.openTelemetryAgent();
        String counting = "-javaagent:" + countingAgent + "=" + SLEEP;
        try (OtlpReceiver collector = OtlpReceiver.accepting()) {
            String sonde = "-javaagent:" + TestPaths.agentJar() + "=include=" + SLEEP + ";" + ORDERS + "#place,out=" + out
                    + ",otlp=" + collector.endpoint() + ",otlp.interval=1s";
            List<String> agents = sondeFirst ? List.of(sonde, otel, counting) : List.of(counting, otel, sonde);
            runBesideOthers(jdk, agents, work, out, collector);
            assertThat(hasEveryCall(collector)).as(collector.describe()).isTrue();
            assertThat(collector.accepted()).as(collector.describe())
                    .allMatch(push -> push.resource().get("service.name").equals(TimingApp.class.getName()));
        }
    }

    /**
     * Runs the app; once it is done, it stays up until a push with all its calls reached the
     * collector (pushes come every second; the first ones can take seconds while the OpenTelemetry
     * agent instruments the JDK HTTP client classes they load).
     */
    private static void runBesideOthers(Jdks.Jdk jdk, List<String> agents, Path work, Path out, OtlpReceiver collector)
            throws Exception {
        Path stop = work.resolve("stop");
        ForkedJvm fork = ForkedJvm.on(jdk)
                .classpath(TestPaths.testClasspath())
                .mainClass(TimingApp.class, stop.toString())
                .timeout(Duration.ofSeconds(120))
                // Spans are logged (one stderr line each), to see that OpenTelemetry timed the method too.
                .jvmOption("-Dotel.traces.exporter=console")
                .jvmOption("-Dotel.metrics.exporter=none")
                .jvmOption("-Dotel.logs.exporter=none")
                .jvmOption("-Dotel.instrumentation.methods.include=" + ORDERS + "[sleep]");
        agents.forEach(fork::jvmOption);
        ForkedJvm.Running app = fork.start(work);
        try {
            Poll.until(Duration.ofSeconds(90), "a push with every call of " + SLEEP,
                    () -> !app.isAlive() || hasEveryCall(collector), () -> collector.describe() + "\n" + app.stderrSoFar());
            Files.createFile(stop);
        } finally {
            if (!Files.exists(stop)) {
                Files.createFile(stop);
            }
        }
        ForkedJvm.Result result = app.awaitExit();

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe())
                .contains("timing-app done")
                .contains("counting-agent saw " + TimingApp.SLEEP_CALLS + " calls of " + SLEEP);
        assertThat(result.stderr()).as(result.describe()).contains("opentelemetry-javaagent - version: 2.33.1");
        assertThat(result.stderr().lines().filter(line -> line.contains("LoggingSpanExporter - 'OrderService.sleep'")))
                .as(result.describe())
                .hasSize(TimingApp.SLEEP_CALLS);
        assertThat(result.sondeLines()).as(result.describe())
                .noneMatch(line -> line.contains("could not instrument") || line.contains("not started"));
        assertThat(ReportFile.onlyIn(out).counts()).containsOnly(
                Map.entry(SLEEP, (long) TimingApp.SLEEP_CALLS),
                Map.entry(ORDERS + "#place", (long) TimingApp.PLACE_CALLS + TimingApp.PLACE_NOTE_CALLS));
    }

    private static boolean hasEveryCall(OtlpReceiver collector) {
        return collector.accepted().stream().anyMatch(push -> push.metric("sonde_operation_duration_seconds")
                .map(metric -> metric.getExponentialHistogram().getDataPointsList().stream().anyMatch(point ->
                        point.getCount() == TimingApp.SLEEP_CALLS
                                && SLEEP.equals(OtlpReceiver.attributes(point.getAttributesList()).get("operation"))))
                .orElse(false));
    }

    /** A jar with only a manifest: the agent class and Byte Buddy come from the application class path. */
    private static Path countingAgentJar(Path work) throws IOException {
        Files.createDirectories(work);
        Path jar = work.resolve("counting-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", CountingAgent.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
