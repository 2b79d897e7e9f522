package dev.sonde.it;

import com.acme.testapp.TimingApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report}, {@code diff} and {@code merge} as users run them: {@code java -jar sonde-agent.jar}
 * on reports that real agent runs wrote, with the exit codes a CI job sees.
 */
class ReportToolsIT {

    private static final String SLEEP = "com.acme.testapp.OrderService#sleep";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path first;
    private static Path second;
    private static Path work;

    @BeforeAll
    static void recordTwoRuns() throws Exception {
        work = TestPaths.workDirectory("report-tools");
        first = recordRun("run1");
        second = recordRun("run2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void reportPrintsTheRankingAndTheFindings(Jdks.Jdk jdk) throws Exception {
        ForkedJvm.Result result = sonde(jdk, "report-" + jdk.major(), "report", first.toString(), "--top", "5");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("Top 5 of ").contains(SLEEP).contains("Findings")
                .containsPattern("highest p99 +\\d+(\\.\\d+)? (ns|µs|ms|s) ");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void diffOfARunWithItselfPassesAndAgainstASlowerCopyFailsTheGate() throws Exception {
        ForkedJvm.Result same = sonde(Jdks.current(), "diff-same", "diff", first.toString(), first.toString());
        assertThat(same.exitCode()).as(same.describe()).isZero();
        assertThat(same.stdout()).contains("OK: no regression");

        Path slower = slowerCopy(first, SLEEP, 2);
        ForkedJvm.Result gate = sonde(Jdks.current(), "diff-slower", "diff", first.toString(), slower.toString(), "--format", "markdown");
        assertThat(gate.exitCode()).as(gate.describe()).isEqualTo(1);
        assertThat(gate.stdout()).startsWith("### ").contains("sonde diff: 1 regressed of").contains("`" + SLEEP + "` | p50");
    }

    @Test
    void mergeAddsTwoRunsAndTheMergedReportRendersAsAPage() throws Exception {
        Path merged = work.resolve("merged.json");
        ForkedJvm.Result merge = sonde(Jdks.current(), "merge", "merge", first.toString(), second.toString(), "--out", merged.toString());
        assertThat(merge.exitCode()).as(merge.describe()).isZero();
        assertThat(operation(merged, SLEEP).get("count").asLong()).isEqualTo(2L * TimingApp.SLEEP_CALLS);
        assertThat(JSON.readTree(merged.toFile()).get("trigger").asText()).isEqualTo("merge");

        Path page = work.resolve("merged.html");
        ForkedJvm.Result html = sonde(Jdks.current(), "html", "report", merged.toString(), "--format", "html", "--out", page.toString());
        assertThat(html.exitCode()).as(html.describe()).isZero();
        assertThat(Files.readString(page)).as("style and script come out of the agent jar")
                .contains("<style>\n/* sonde HTML pages").contains("data-sonde-ready").contains("<svg class=\"chart\"");
    }

    @Test
    void anUnusableFileIsOneLineAndExitTwoFromTheRealLauncher() throws Exception {
        Path truncated = work.resolve("truncated.json");
        String whole = Files.readString(first);
        Files.writeString(truncated, whole.substring(0, whole.length() / 2));

        ForkedJvm.Result result = sonde(Jdks.current(), "truncated", "diff", first.toString(), truncated.toString());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("sonde diff: " + truncated + ": is truncated");
    }

    @Test
    void aFileNameThePlatformEncodingCannotRepresentIsOneLineNotAJavaException() throws Exception {
        Path accented = work.resolve("r\u00e9sultat.json");
        Files.copy(first, accented, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ForkedJvm.Result result = ForkedJvm.on(Jdks.current()).environment("LC_ALL", "C").environment("LANG", "C")
                .jar(TestPaths.agentJar(), "report", accented.toString()).run(work.resolve("cli-ascii-locale"));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr().lines()).as(result.describe()).singleElement().asString()
                .startsWith("sonde report: " + work)
                .contains(": this system cannot use this file name: its encoding for file names (ANSI_X3.4-1968) cannot represent it")
                .doesNotContain("Exception");
    }

    private static Path recordRun(String name) throws Exception {
        Path out = work.resolve(name);
        ForkedJvm.Result result = ForkedJvm.on(Jdks.current())
                .withAgent("include=com.acme.testapp.**,out=" + out)
                .mainClass(TimingApp.class)
                .run(work.resolve(name + "-jvm"));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return ReportFile.onlyIn(out).path();
    }

    private static ForkedJvm.Result sonde(Jdks.Jdk jdk, String name, String... args) throws Exception {
        return ForkedJvm.on(jdk).jar(TestPaths.agentJar(), args).run(work.resolve("cli-" + name));
    }

    /**
     * A copy of the report in which every call of one operation took {@code factor} times longer: its
     * histogram too, since diff reads the intervals from it.
     */
    private static Path slowerCopy(Path report, String operation, long factor) throws Exception {
        JsonNode root = JSON.readTree(report.toFile());
        for (JsonNode op : root.get("operations")) {
            if (op.get("name").asText().equals(operation)) {
                ObjectNode latency = (ObjectNode) op.get("latencyNs");
                for (String figure : new String[] {"total", "mean", "min", "p50", "p90", "p95", "p99", "p999", "max"}) {
                    latency.put(figure, latency.get(figure).asLong() * factor);
                }
                org.HdrHistogram.Histogram calls = dev.sonde.report.HistogramCodec.decode(latency.get("histogram").asText());
                org.HdrHistogram.Histogram slower = new org.HdrHistogram.Histogram(calls.getNumberOfSignificantValueDigits());
                for (org.HdrHistogram.HistogramIterationValue bucket : calls.recordedValues()) {
                    slower.recordValueWithCount(bucket.getValueIteratedTo() * factor, bucket.getCountAtValueIteratedTo());
                }
                latency.put("histogram", dev.sonde.report.HistogramCodec.encode(slower));
            }
        }
        Path copy = work.resolve("slower.json");
        JSON.writeValue(copy.toFile(), root);
        return copy;
    }

    private static JsonNode operation(Path report, String name) throws Exception {
        for (JsonNode op : JSON.readTree(report.toFile()).get("operations")) {
            if (op.get("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError(name + " not in " + report);
    }
}
