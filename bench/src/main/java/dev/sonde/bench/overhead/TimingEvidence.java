package dev.sonde.bench.overhead;

import dev.sonde.bench.jvm.ExternalCommand;
import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proof that a contender really timed the target method in a run, read from what it wrote: sonde's
 * report, JFR's recording, the OpenTelemetry agent's spans. A contender that timed nothing would
 * look cheap; its numbers must not be reported.
 */
final class TimingEvidence {

    private static final String SONDE_OPERATION = Contender.TARGET_CLASS + "#" + Contender.TARGET_METHOD;
    private static final Pattern SONDE_COUNT = Pattern.compile(
            "\"name\"\\s*:\\s*\"" + Pattern.quote(SONDE_OPERATION) + "\"[^{}]*?\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern JFR_INVOCATIONS = Pattern.compile("invocations\\s*=\\s*(\\d+)");
    private static final String OTEL_SPAN = "'MonitoredTarget.recurse'";

    private TimingEvidence() {
    }

    /**
     * What {@code contender} left in {@code out} after its JMH forks: a line such as "sonde report:
     * 1,234 calls". Throws if the target method was not timed (or, unmatched, was).
     */
    static String of(Contender contender, Jdk jdk, Path out) throws IOException, InterruptedException {
        switch (contender.kind()) {
            case SONDE:
                return sondeReports(contender, out);
            case JFR:
                return jfrRecordings(jdk, out);
            default:
                return "";
        }
    }

    private static String sondeReports(Contender contender, Path out) throws IOException {
        List<Path> reports = files(out, "sonde-report-", ".json");
        if (reports.isEmpty()) {
            throw new IllegalStateException("sonde wrote no report in " + out);
        }
        long calls = 0;
        for (Path report : reports) {
            Matcher count = SONDE_COUNT.matcher(Files.readString(report, StandardCharsets.UTF_8));
            if (count.find()) {
                calls += Long.parseLong(count.group(1));
            }
        }
        if (contender.timesTarget() && calls == 0) {
            throw new IllegalStateException("sonde's reports in " + out + " have no calls of " + SONDE_OPERATION);
        }
        if (!contender.timesTarget() && calls > 0) {
            throw new IllegalStateException("sonde timed " + SONDE_OPERATION + " although no pattern matches it");
        }
        return String.format("sonde reports: %,d calls", calls);
    }

    private static String jfrRecordings(Jdk jdk, Path out) throws IOException, InterruptedException {
        List<Path> recordings = files(out, "method-timing-", ".jfr");
        long invocations = 0;
        for (Path recording : recordings) {
            List<String> printed = ExternalCommand.run(List.of(jdk.tool("jfr").toString(), "print", "--events",
                    "jdk.MethodTiming", recording.toString()), out.resolve("jfr-print.log"), Duration.ofSeconds(60));
            for (String line : printed) {
                Matcher matcher = JFR_INVOCATIONS.matcher(line);
                if (matcher.find()) {
                    invocations += Long.parseLong(matcher.group(1));
                }
            }
        }
        if (invocations == 0) {
            throw new IllegalStateException("no jdk.MethodTiming invocations in the recordings in " + out);
        }
        return String.format("jdk.MethodTiming: %,d invocations", invocations);
    }

    /**
     * Runs the target method once under the OpenTelemetry agent exactly as benchmarked, but with
     * spans logged, and checks its spans are there: exporters are off in the benchmark itself.
     */
    static String openTelemetrySpans(Jdk jdk, Contender.Tools tools, Path out) throws IOException, InterruptedException {
        List<String> args = Contender.OPENTELEMETRY.jvmArgs(tools, out).stream()
                .map(arg -> arg.equals("-Dotel.traces.exporter=none") ? "-Dotel.traces.exporter=logging" : arg)
                .collect(Collectors.toList());
        List<String> output = ForkedJvm.on(jdk).jvmArgs(args)
                .main(System.getProperty("java.class.path"), CallTargetOnce.class.getName())
                .run(out.resolve("otel-spans.log"), Duration.ofSeconds(120));
        long spans = output.stream().filter(line -> line.contains(OTEL_SPAN)).count();
        if (spans != 3) {
            throw new IllegalStateException("the OpenTelemetry agent logged " + spans + " spans " + OTEL_SPAN
                    + " for recurse(3), not 3; see " + out.resolve("otel-spans.log"));
        }
        return "3 spans logged for recurse(3) (exporter on, separate run)";
    }

    private static List<Path> files(Path dir, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).sorted().collect(Collectors.toList());
        }
    }
}
