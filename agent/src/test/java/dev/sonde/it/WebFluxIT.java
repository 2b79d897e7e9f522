package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux service on Reactor Netty (Spring Boot's executable jar, test-apps/webflux-app)
 * under sonde: one HTTP operation per route, annotated and functional, ended when the response
 * completes; its service's {@code Mono}, {@code Flux} and {@code CompletableFuture} results timed to
 * their end, a cancelled subscription counted apart, a publisher never subscribed not counted. One
 * forked service per JDK answers every request, and its answers are checked as the application
 * gives them.
 */
class WebFluxIT {

    private static final String SERVICE = "com.acme.reactive.QuoteService#";
    private static final long MILLIS = 1_000_000L;
    private static final int QUOTES = 20;
    private static final int FUTURES = 10;
    private static final int FAILURES = 3;
    private static final int GREETINGS = 5;
    private static final int STEPWISE = 3;
    private static final int FIRST_TICKS = 4;
    private static final int UNSUBSCRIBED = 2;
    private static final int MISSING = 2;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void routesAndReactiveResultsAreTimedToCompletion(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("webflux-" + jdk.major());
        Path out = work.resolve("out");
        int port = HttpProbe.freePort();
        ForkedJvm.Running app = ForkedJvm.on(jdk)
                .withAgent("include=com.acme.reactive.QuoteService,out=" + out)
                .jar(TestPaths.testAppJar("webflux-app", "webflux-app"), "--server.port=" + port,
                        "--server.address=127.0.0.1")
                .timeout(Duration.ofSeconds(90))
                .start(work);
        HttpProbe http = new HttpProbe(port);
        http.awaitReady("/ready", app, Duration.ofSeconds(90));
        for (int i = 0; i < QUOTES; i++) {
            assertAnswer(http, "/quotes/" + i + "?token=secret" + i, 200, "quote " + i);
        }
        for (int i = 0; i < FUTURES; i++) {
            assertAnswer(http, "/futures/" + i, 200, "future " + i);
        }
        for (int i = 0; i < FAILURES; i++) {
            assertThat(http.get("/fail")).isEqualTo(500);
        }
        for (int i = 0; i < GREETINGS; i++) {
            assertAnswer(http, "/greetings/guest" + i, 200, "hello guest" + i);
        }
        for (int i = 0; i < STEPWISE; i++) {
            assertAnswer(http, "/stepwise/6", 200, "[0, 1, 2, 3, 4, 5]");
        }
        for (int i = 0; i < FIRST_TICKS; i++) {
            assertAnswer(http, "/first-tick", 200, "tick 0");
        }
        for (int i = 0; i < UNSUBSCRIBED; i++) {
            assertAnswer(http, "/unsubscribed", 200, "not subscribed");
        }
        // No route matches: Spring's static resource handler ("/**") answers 404.
        for (int i = 0; i < MISSING; i++) {
            assertThat(http.get("/missing/" + (1000 + i))).isEqualTo(404);
        }
        // A route is recorded once its response has been written, a moment after the client has it.
        // One more request on the same kept-alive connection is read by the same event loop only
        // after it has finished the one before: then the last /missing call is recorded.
        assertThat(http.get("/ready")).isEqualTo(200);
        ForkedJvm.Result result = app.terminate();

        ReportFile report = ReportFile.onlyIn(out);
        Map<String, Long> counts = new TreeMap<>(report.counts());
        assertThat(counts.remove("GET /ready")).as("polled until up").isPositive();
        assertThat(counts).as(result.describe()).containsOnly(
                Map.entry("GET /quotes/{id}", (long) QUOTES),
                Map.entry("GET /futures/{id}", (long) FUTURES),
                Map.entry("GET /fail", (long) FAILURES),
                Map.entry("GET /greetings/{name}", (long) GREETINGS),
                Map.entry("GET /stepwise/{count}", (long) STEPWISE),
                Map.entry("GET /first-tick", (long) FIRST_TICKS),
                Map.entry("GET /unsubscribed", (long) UNSUBSCRIBED),
                Map.entry("GET /**", (long) MISSING),
                Map.entry(SERVICE + "quote", (long) QUOTES),
                Map.entry(SERVICE + "future", (long) FUTURES),
                Map.entry(SERVICE + "numbers", (long) STEPWISE),
                Map.entry(SERVICE + "ticks", 0L));

        assertThat(p50(report, "GET /quotes/{id}")).as("the route waits for its 20 ms Mono")
                .isGreaterThanOrEqualTo(18 * MILLIS);
        HttpServersIT.assertStatus(report, "GET /quotes/{id}", "2xx", QUOTES, 0);
        HttpServersIT.assertStatus(report, "GET /fail", "5xx", FAILURES, FAILURES);
        HttpServersIT.assertStatus(report, "GET /**", "4xx", MISSING, 0);
        HttpServersIT.assertStatus(report, "GET /greetings/{name}", "2xx", GREETINGS, 0);
        assertThat(report.operation("GET /greetings/{name}").get("http").get("route").asText())
                .isEqualTo("/greetings/{name}");

        assertThat(p50(report, SERVICE + "quote")).as("a Mono, timed to its value").isGreaterThanOrEqualTo(18 * MILLIS);
        assertThat(p50(report, SERVICE + "future")).as("a CompletableFuture, timed to completion")
                .isGreaterThanOrEqualTo(18 * MILLIS);
        assertThat(p50(report, SERVICE + "numbers")).as("a Flux requested 2 at a time, 10 ms apart, to its end")
                .isGreaterThanOrEqualTo(18 * MILLIS);
        JsonNode ticks = report.operation(SERVICE + "ticks");
        assertThat(ticks.get("cancelled").asLong()).as("cancelled after its first value").isEqualTo(FIRST_TICKS);
        assertThat(ticks.get("errors").asLong()).as("a cancellation is no error").isZero();
        for (String method : List.of("quote", "future", "numbers")) {
            JsonNode operation = report.operation(SERVICE + method);
            assertThat(operation.get("errors").asLong()).as(method).isZero();
            assertThat(operation.get("allocBytes").get("unavailable").asLong()).as(method)
                    .isEqualTo(operation.get("count").asLong());
        }
        assertThat(report.root().toString()).doesNotContain("secret", "token");
        assertThat(result.sondeLines()).noneMatch(line -> line.contains("could not") || line.contains("failed"));
    }

    /**
     * Attached to the service already running (so {@code ExceptionHandlingWebHandler} and the service
     * are retransformed), with the cheaper advice ({@code alloc=off,self=off}): the same routes and
     * the same results timed to completion, counted from the attach on.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void attachedToARunningServiceWithTheCheaperAdviceRoutesAndPublishersAreTimedToCompletion(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("webflux-attach-" + jdk.major());
        int port = HttpProbe.freePort();
        ForkedJvm.Running app = ForkedJvm.on(jdk)
                .jar(TestPaths.testAppJar("webflux-app", "webflux-app"), "--server.port=" + port,
                        "--server.address=127.0.0.1")
                .timeout(Duration.ofSeconds(90))
                .start(work.resolve("app"));
        try {
            HttpProbe http = new HttpProbe(port);
            http.awaitReady("/ready", app, Duration.ofSeconds(90));
            SondeCli sonde = new SondeCli(jdk, work);
            SondeCli.assertSucceeded(sonde.run("attach", app.pid(),
                    "include=com.acme.reactive.QuoteService,alloc=off,self=off,out=" + work.resolve("out")));
            for (int i = 0; i < QUOTES; i++) {
                assertAnswer(http, "/quotes/" + i, 200, "quote " + i);
            }
            for (int i = 0; i < GREETINGS; i++) {
                assertAnswer(http, "/greetings/guest" + i, 200, "hello guest" + i);
            }
            for (int i = 0; i < FIRST_TICKS; i++) {
                assertAnswer(http, "/first-tick", 200, "tick 0");
            }
            Path dumped = work.resolve("dump.json");
            SondeCli.assertSucceeded(sonde.run("dump", app.pid(), "--out", dumped));

            ReportFile report = ReportFile.read(dumped);
            assertThat(report.counts()).as("only what came after the attach").containsOnly(
                    Map.entry("GET /quotes/{id}", (long) QUOTES),
                    Map.entry("GET /greetings/{name}", (long) GREETINGS),
                    Map.entry("GET /first-tick", (long) FIRST_TICKS),
                    Map.entry(SERVICE + "quote", (long) QUOTES),
                    Map.entry(SERVICE + "ticks", 0L));
            assertThat(p50(report, "GET /quotes/{id}")).isGreaterThanOrEqualTo(18 * MILLIS);
            assertThat(p50(report, SERVICE + "quote")).isGreaterThanOrEqualTo(18 * MILLIS);
            assertThat(report.operation(SERVICE + "ticks").get("cancelled").asLong()).isEqualTo(FIRST_TICKS);
        } finally {
            app.terminate();
        }
    }

    private static void assertAnswer(HttpProbe http, String path, int status, String body) throws Exception {
        var answer = http.exchange("GET", path, Map.of(), null);
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(answer.body()).as(path).isEqualTo(body);
    }

    private static long p50(ReportFile report, String operation) {
        return report.operation(operation).get("latencyNs").get("p50").asLong();
    }
}
