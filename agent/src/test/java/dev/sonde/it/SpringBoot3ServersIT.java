package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3 MVC service (test-apps/boot3-app) on each embedded server it can run on: Tomcat,
 * Undertow and Jetty 12, one executable jar per server as Boot packages them. Its routes are one
 * operation each, named by Spring's template, with exact counts and status classes.
 */
class SpringBoot3ServersIT {

    private static final int OWNERS = 50;
    private static final int FAILURES = 3;

    static List<Arguments> servers() {
        List<Arguments> cases = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            for (String server : List.of("tomcat", "undertow", "jetty")) {
                cases.add(Arguments.of(jdk, server));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("servers")
    void routesAreOneOperationEachWithExactCountsAndStatusClasses(Jdks.Jdk jdk, String server) throws Exception {
        Path work = TestPaths.workDirectory("boot3-" + server + "-" + jdk.major());
        Path out = work.resolve("out");
        int port = HttpProbe.freePort();
        ForkedJvm.Running app = ForkedJvm.on(jdk)
                .withAgent("out=" + out)
                .jar(TestPaths.testAppJar("boot3-app", "boot3-app-" + server), "--server.port=" + port,
                        "--server.address=127.0.0.1")
                .timeout(Duration.ofSeconds(90))
                .start(work);
        HttpProbe http = new HttpProbe(port);
        http.awaitReady("/ready", app, Duration.ofSeconds(90));
        for (int n = 0; n < OWNERS; n++) {
            var answer = http.exchange("GET", "/owners/" + n + "?token=secret" + n, Map.of(), null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("owner " + n);
        }
        for (int i = 0; i < FAILURES; i++) {
            assertThat(http.get("/fail")).isEqualTo(500);
        }
        ForkedJvm.Result result = app.terminate();

        assertThat(result.stdout()).as("the jar runs on " + server).containsIgnoringCase(server);
        ReportFile report = ReportFile.onlyIn(out);
        Map<String, Long> counts = new TreeMap<>(report.counts());
        assertThat(counts.remove("GET /ready")).as("polled until up").isPositive();
        assertThat(counts).as(result.describe()).containsOnly(
                Map.entry("GET /owners/{id}", (long) OWNERS),
                Map.entry("GET /fail", (long) FAILURES));
        HttpServersIT.assertStatus(report, "GET /owners/{id}", "2xx", OWNERS, 0);
        HttpServersIT.assertStatus(report, "GET /fail", "5xx", FAILURES, FAILURES);
        assertThat(report.root().toString()).doesNotContain("secret", "token");
        assertThat(result.sondeLines()).noneMatch(line -> line.contains("could not"));
    }
}
