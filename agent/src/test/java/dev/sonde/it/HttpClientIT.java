package dev.sonde.it;

import com.acme.clientapp.ClientApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Outbound HTTP calls as operations, with real clients calling a real local server (the JDK's
 * {@code HttpServer}) in forked JVMs on both JDKs: the JDK's {@code HttpClient} (send, sendAsync)
 * and {@code HttpURLConnection}, Apache HttpClient 5 and 4, OkHttp, and Spring's
 * {@code RestTemplate} (over Apache 5 and over {@code HttpURLConnection}) and {@code RestClient}
 * (over the JDK's client), each counted once.
 */
class HttpClientIT {

    private static final String CALLER = "com.acme.clientapp.SlowCaller#fetch";
    private static final Pattern PORTS = Pattern.compile("server port (\\d+), refused port (\\d+)");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void everyClientsCallsAreCountedOnceWithIdsCollapsedStatusClassesAndNoQuery(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("http-client-" + jdk.major()).resolve("out");
        ForkedJvm.Result result = run(jdk, "include=" + CALLER + ",out=" + out, TestPaths.testClasspath(), "all");
        ForkedJvm.Result plain = run(jdk, null, TestPaths.testClasspath(), "all");
        assertThat(answers(result)).as("the application's answers are the same with and without sonde")
                .isEqualTo(answers(plain)).hasSize(ClientApp.clients(List.of("all")).size() * 14);

        ReportFile report = ReportFile.onlyIn(out);
        for (String client : ClientApp.clients(List.of("all")).keySet()) {
            assertClient(report, result.stdout(), client);
        }
        String json = Files.readString(report.path());
        assertThat(json).as("no query string reaches the report").doesNotContain(ClientApp.SECRET);
        assertThat(report.operationNames()).noneMatch(name -> name.contains("?") || name.contains("token"));

        // The caller's self time leaves out the synchronous calls it made: its only timed callees.
        JsonNode caller = report.operation(CALLER);
        long callerTotal = caller.get("latencyNs").get("total").asLong();
        long clientTotal = 0;
        for (String client : ClientApp.SYNCHRONOUS) {
            clientTotal += report.operation(name(result.stdout(), "GET", client + "/slow/{id}")).get("latencyNs").get("total").asLong();
        }
        assertThat(caller.get("count").asLong()).isEqualTo(ClientApp.SYNCHRONOUS.size() * ClientApp.SLOW);
        assertThat(clientTotal).isGreaterThan(callerTotal / 2);
        assertThat(caller.get("selfNs").get("total").asLong())
                .isCloseTo(callerTotal - clientTotal, within(Math.max(2_000_000L, callerTotal / 50)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void theJdksClientsNeedNoLibraryOnTheClassPath(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("http-client-jdk-" + jdk.major()).resolve("out");
        // Patterns naming the JDK's client classes: those are transformed for their calls, never timed as methods.
        ForkedJvm.Result result = run(jdk, "out=" + out + ",include=sun.net.**#getInputStream;jdk.internal.**#send",
                new Path[] {TestPaths.testClasses()}, "jdk");
        assertThat(result.stderr()).as(result.describe()).doesNotContain("[sonde] could not", "NoClassDefFoundError");

        ReportFile report = ReportFile.onlyIn(out);
        for (String client : ClientApp.clients(List.of("jdk")).keySet()) {
            assertClient(report, result.stdout(), client);
        }
        assertThat(kinds(report)).doesNotContain("method");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void httpClientOffRecordsNoOutboundCall(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("http-client-off-" + jdk.major()).resolve("out");
        run(jdk, "http.client=off,out=" + out, TestPaths.testClasspath(), "jdk");

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(kinds(report)).as("the server's requests are still recorded").contains("http").doesNotContain("http-client");
    }

    private static void assertClient(ReportFile report, String stdout, String client) {
        Map<String, Long> counts = report.counts();
        String items = name(stdout, "GET", client + "/items/{id}");
        assertCall(report, items, ClientApp.ITEMS, 0, "2xx");
        assertCall(report, name(stdout, "GET", client + "/orders/{id}"), 1, 0, "2xx");
        assertCall(report, name(stdout, client.equals("urlconnection") ? "POST" : "GET", client + "/items"), 1, 0, "2xx");
        assertCall(report, name(stdout, "GET", client + "/fail"), ClientApp.FAILURES, ClientApp.FAILURES, "5xx");
        assertCall(report, name(stdout, "GET", client + "/missing"), 1, 0, "4xx");
        // A redirect the client follows is part of the call, which keeps the name of the request made.
        assertThat(counts).containsEntry(name(stdout, "GET", client + "/moved"), 1L)
                .containsEntry(name(stdout, client.equals("urlconnection") ? "POST" : "GET", client + "/submit"), 1L);
        // The server in the same JVM (its own operations have no host) does see the redirect's target.
        assertThat(report.operationNames()).as("no call named after a redirect's target")
                .noneMatch(name -> name.contains(" 127.0.0.1:") && name.endsWith(client + "/landing"));
        assertCall(report, name(stdout, "GET", client + "/slow/{id}"), ClientApp.SLOW, 0, "2xx");
        String refused = "GET 127.0.0.1:" + port(stdout, 2) + " /" + client + "/down";
        assertThat(counts).as(refused).containsEntry(refused, 1L);
        assertThat(report.operation(refused).get("errors").asLong()).as("a refused connection is an error").isEqualTo(1);

        JsonNode http = report.operation(items).get("http");
        assertThat(http.get("method").asText()).isEqualTo("GET");
        assertThat(http.get("host").asText()).isEqualTo("127.0.0.1:" + port(stdout, 1));
        assertThat(http.get("route").asText()).isEqualTo("/" + client + "/items/{id}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void attachedToARunningJvmItTimesTheCallsMadeAfterTheAttachOnce(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("http-client-attach-" + jdk.major());
        Path control = Files.createDirectories(work.resolve("control"));
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        ForkedJvm app = ForkedJvm.on(jdk).classpath(TestPaths.testClasses())
                .mainClass(ClientApp.class, "steered", control.toString());
        try (SteeredJvm running = SteeredJvm.start(app, control, work.resolve("app"))) {
            long pid = running.jvm.pid();
            SondeCli.assertSucceeded(sonde.run("attach", pid, "out=" + out));
            Files.createFile(control.resolve("round-1"));
            Poll.until(Duration.ofSeconds(60), "a round of calls", () -> Files.exists(control.resolve("done-1")),
                    running::describe);
            Path dump = work.resolve("dump.json");
            SondeCli.assertSucceeded(sonde.run("dump", pid, "--out", dump));

            ReportFile report = ReportFile.read(dump);
            String stdout = running.jvm.stdoutSoFar();
            for (String client : ClientApp.clients(List.of("jdk")).keySet()) {
                assertClient(report, stdout, client);
            }
            ForkedJvm.Result end = running.stop();
            assertThat(end.exitCode()).as(end.describe()).isZero();
            assertThat(end.stderr()).doesNotContain("Exception", "\tat ");
        }
    }

    private static void assertCall(ReportFile report, String name, long count, long errors, String statusClass) {
        assertThat(report.counts()).as(report.path() + ": " + name).containsEntry(name, count);
        JsonNode operation = report.operation(name);
        assertThat(operation.get("kind").asText()).as(name).isEqualTo("http-client");
        assertThat(operation.get("errors").asLong()).as(name + " errors").isEqualTo(errors);
        assertThat(operation.get("http").get("status").get(statusClass).asLong()).as(name + " " + statusClass)
                .isEqualTo(count);
    }

    private static String name(String stdout, String method, String route) {
        return method + " 127.0.0.1:" + port(stdout, 1) + " /" + route;
    }

    private static String port(String stdout, int group) {
        Matcher ports = PORTS.matcher(stdout);
        assertThat(ports.find()).as(stdout).isTrue();
        return ports.group(group);
    }

    private static List<String> answers(ForkedJvm.Result result) {
        return result.stdout().lines().filter(line -> line.matches("^[a-z0-9-]+ [a-z]+( \\d+)?: .*"))
                .collect(Collectors.toList());
    }

    private static List<String> kinds(ReportFile report) {
        return report.operationNames().stream().map(name -> report.operation(name).get("kind").asText())
                .distinct().collect(Collectors.toList());
    }

    private static ForkedJvm.Result run(Jdks.Jdk jdk, String agentArguments, Path[] classpath, String clients)
            throws Exception {
        Path directory = TestPaths.workDirectory("http-client-run-" + jdk.major() + "-" + clients
                + (agentArguments == null ? "-plain" : ""));
        ForkedJvm fork = ForkedJvm.on(jdk);
        if (agentArguments != null) {
            fork = fork.withAgent(agentArguments);
        }
        ForkedJvm.Result result = fork.classpath(classpath).mainClass(ClientApp.class, clients).run(directory);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains("client app done");
        return result;
    }
}
