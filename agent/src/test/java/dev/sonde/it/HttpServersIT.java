package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP requests become operations named by route, on real servers in forked JVMs: Tomcat
 * (jakarta.servlet), Jetty (javax.servlet) and the JDK HttpServer; next to a timed business method.
 */
class HttpServersIT {

    private static final String STORE = "com.acme.web.OwnerStore#find";
    private static final int OWNERS = 500;

    static List<Arguments> servletServers() {
        List<Arguments> cases = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            cases.add(Arguments.of(jdk, "tomcat", com.acme.web.jakarta.ServletApp.class));
            cases.add(Arguments.of(jdk, "jetty", com.acme.web.javax.ServletApp.class));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("servletServers")
    void servletRequestsAreOneOperationPerRouteWithStatusClassesAndErrors(Jdks.Jdk jdk, String server, Class<?> app)
            throws Exception {
        Path work = TestPaths.workDirectory("http-" + server + "-" + jdk.major());
        Path out = work.resolve("out");
        int port = HttpProbe.freePort();
        ForkedJvm.Running running = ForkedJvm.on(jdk)
                .withAgent("include=" + STORE + ",out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(app, String.valueOf(port))
                .timeout(Duration.ofSeconds(60))
                .start(work);
        HttpProbe http = new HttpProbe(port);
        http.awaitReady("/owners/0", running, Duration.ofSeconds(60));
        for (int n = 1; n < OWNERS; n++) {
            assertThat(http.get("/owners/" + n + "?token=secret" + n)).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/fail")).isEqualTo(500);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/missing")).isEqualTo(404);
            assertThat(http.get("/forward")).isEqualTo(200);
            assertThat(http.get("/files/" + (1000 + i) + "/raw")).isEqualTo(404);
        }
        long asyncStart = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/async")).isEqualTo(200);
        }
        assertThat(System.nanoTime() - asyncStart).isGreaterThanOrEqualTo(3 * 100_000_000L);
        ForkedJvm.Result result = running.terminate();

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as(result.describe()).containsOnly(
                Map.entry("GET /owners/*", (long) OWNERS),
                Map.entry("GET /fail", 3L),
                Map.entry("GET /missing", 2L),
                Map.entry("GET /forward", 2L),
                Map.entry("GET /files/{id}/raw", 2L),
                Map.entry("GET /async", 3L),
                Map.entry(STORE, OWNERS + 2L));
        assertStatus(report, "GET /owners/*", "2xx", OWNERS, 0);
        assertStatus(report, "GET /fail", "5xx", 3, 3);
        assertStatus(report, "GET /missing", "4xx", 2, 0);
        assertThat(report.operation("GET /owners/*").get("kind").asText()).isEqualTo("http");
        assertThat(report.operation("GET /owners/*").get("http").get("route").asText()).isEqualTo("/owners/*");
        assertThat(report.operation("GET /async").get("latencyNs").get("p50").asLong())
                .as("an async request ends when its response completes").isGreaterThanOrEqualTo(100_000_000L);
        assertThat(report.ranking("byTotalTime")).contains("GET /owners/*", STORE);
        assertThat(report.root().toString()).doesNotContain("secret", "token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void jdkHttpServerExchangesAreTimedOnceByContextLambdaHandlersToo(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("http-jdk-" + jdk.major());
        Path out = work.resolve("out");
        int port = HttpProbe.freePort();
        ForkedJvm.Running running = ForkedJvm.on(jdk)
                .withAgent("out=" + out)
                .classpath(TestPaths.testClasses())
                .mainClass(com.acme.web.jdk.JdkServerApp.class, String.valueOf(port))
                .start(work);
        HttpProbe http = new HttpProbe(port);
        http.awaitReady("/api/owners/0", running, Duration.ofSeconds(30));
        for (int n = 1; n < 20; n++) {
            assertThat(http.get("/api/owners/" + n)).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/elsewhere/" + i)).isEqualTo(404);
            try {
                http.post("/api/fail");
            } catch (IOException expected) {
                // The JDK server closes the exchange when a handler throws.
            }
        }
        ForkedJvm.Result result = running.terminate();

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as(result.describe()).containsOnly(
                Map.entry("GET /api/owners", 20L),
                Map.entry("POST /api/fail", 2L),
                Map.entry("GET /elsewhere/{id}", 2L));
        assertStatus(report, "GET /api/owners", "2xx", 20, 0);
        assertStatus(report, "GET /elsewhere/{id}", "4xx", 2, 0);
        assertStatus(report, "POST /api/fail", "5xx", 2, 2);
    }

    /** The operation's count in one status class, and its errors. */
    static void assertStatus(ReportFile report, String operation, String statusClass, long count, long errors) {
        assertThat(report.operation(operation).get("http").get("status").get(statusClass).asLong())
                .as(operation + " " + statusClass).isEqualTo(count);
        assertThat(report.operation(operation).get("errors").asLong()).as(operation + " errors").isEqualTo(errors);
    }
}
