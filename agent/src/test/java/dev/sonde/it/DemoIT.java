package dev.sonde.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo command, run in its short mode on the jars this build made: it must finish,
 * print the ranking, and leave a report in which the sample shop's known costs show where they should.
 */
class DemoIT {

    private static final String SHOP = "com.example.shop.";

    @Test
    void demoRanksTheShopsKnownHotSpotsAndLeavesReportHtmlAndFlameGraph() throws Exception {
        Path root = TestPaths.agentJar().toAbsolutePath().getParent().getParent().getParent();
        Path out = TestPaths.workDirectory("demo");
        Path log = Files.createDirectories(out).resolve("demo-output.txt");
        ProcessBuilder demo = new ProcessBuilder("bash", "demo.sh").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        demo.environment().put("DEMO_SECONDS", "10");
        demo.environment().put("DEMO_SKIP_BUILD", "1");
        demo.environment().put("DEMO_OUT", out.toString());
        demo.environment().put("DEMO_PORT", String.valueOf(HttpProbe.freePort()));
        Process process = demo.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("demo did not finish within 3 minutes:\n" + Files.readString(log));
        }
        String printed = Files.readString(log);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Findings", "demo: results in " + out);

        ReportFile report = ReportFile.read(only(out, "sonde-report-", ".json"));
        assertThat(report.ranking("bySelfTime")).as("the CPU endpoint's service method").first()
                .isEqualTo(SHOP + "PricingService#computePrice");
        assertThat(report.ranking("byAllocBytes")).as("the allocating repository method").first()
                .isEqualTo(SHOP + "OrderRepository#loadOrders");
        assertThat(report.operationNames()).filteredOn(name -> name.startsWith("GET /api/price/"))
                .containsExactly("GET /api/price/{id}");
        assertThat(report.operation("GET /api/flaky").get("errors").asLong()).isPositive();
        assertThat(report.operationNames()).as("the catalog's statements, IN lists of 1 and 2 values as one")
                .contains("SELECT id, name, category, price_cents FROM products WHERE id = ?",
                        "SELECT id, name, category, price_cents FROM products WHERE category IN (?) ORDER BY price_cents DESC")
                .noneMatch(name -> name.contains("tools") || name.contains("IN (?, ?)"));
        assertThat(out.resolve("report.html")).exists();
        assertThat(Files.readString(only(out, "sonde-profile-", "-run.html"))).contains("computePrice");
        if (Files.readString(out.resolve("app.log")).contains("was not converted within")) {
            // A busy machine: sonde listed the recording instead (no slow-call graphs), and the demo
            // converted it.
            assertThat(printed).contains("converting the run's recording");
            return;
        }
        assertThat(report.root().get("profiles")).as("profile.slow: the quote route's slices, listed (a file each, or why not)")
                .filteredOn(profile -> "GET /api/quote/{id}".equals(profile.path("operation").asText()))
                .extracting(profile -> profile.get("slice").asText()).containsExactlyInAnyOrder("slow", "normal", "diff");
    }

    private static Path only(Path directory, String prefix, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).collect(Collectors.toList());
            assertThat(matching).as(prefix + "*" + suffix + " in " + directory).hasSize(1);
            return matching.get(0);
        }
    }
}
