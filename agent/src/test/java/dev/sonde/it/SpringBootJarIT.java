package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot executable jar (classes in {@code BOOT-INF/}, loaded by Boot's own class loader)
 * runs under sonde, its service methods and its Spring MVC routes are timed, and SIGTERM still
 * leaves the report.
 */
class SpringBootJarIT {

    private static final String SHOP = "com.example.shop.";
    private static final int PRICE_CALLS = 20;
    private static final int SLOW_CALLS = 4;
    private static final int FLAKY_CALLS = 8;
    private static final int ASYNC_CALLS = 3;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void serviceMethodsInsideTheFatJarAreTimedAndReportedAtSigterm(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("springboot-" + jdk.major());
        Path out = work.resolve("out");
        SpringBootApp app = SpringBootApp.sampleShop(ForkedJvm.on(jdk)
                .withAgent("include=com.example.shop.**Service#*;com.example.shop.**Repository#*,out=" + out), work);
        HttpProbe http = app.http();
        for (int i = 0; i < PRICE_CALLS; i++) {
            assertThat(http.get("/api/price/" + i)).isEqualTo(200);
        }
        for (int i = 0; i < SLOW_CALLS; i++) {
            assertThat(http.get("/api/slow")).isEqualTo(200);
        }
        for (int i = 0; i < ASYNC_CALLS; i++) {
            assertThat(http.get("/api/deferred")).isEqualTo(200);
            assertThat(http.get("/api/callable")).isEqualTo(200);
        }
        int failures = 0;
        for (int i = 0; i < FLAKY_CALLS; i++) {
            failures += http.get("/api/flaky") == 500 ? 1 : 0;
        }
        ForkedJvm.Result result = app.terminate();

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as(result.describe())
                .containsEntry(SHOP + "PricingService#computePrice", (long) PRICE_CALLS)
                .containsEntry(SHOP + "InventoryService#awaitSupplier", (long) SLOW_CALLS)
                .doesNotContainKey(SHOP + "OrderRepository#loadOrders");
        assertThat(report.operation(SHOP + "InventoryService#awaitSupplier").get("latencyNs").get("p50").asLong())
                .isGreaterThanOrEqualTo(40_000_000L);
        assertThat(result.sondeLines()).noneMatch(line -> line.contains("could not"));

        assertThat(report.counts()).as("Spring's route templates, one operation each")
                .containsEntry("GET /api/price/{id}", (long) PRICE_CALLS)
                .containsEntry("GET /api/slow", (long) SLOW_CALLS)
                .containsEntry("GET /api/flaky", (long) FLAKY_CALLS);
        assertThat(failures).isPositive();
        for (String route : new String[] {"GET /api/deferred", "GET /api/callable"}) {
            assertThat(report.operation(route).get("count").asLong()).isEqualTo(ASYNC_CALLS);
            assertThat(report.operation(route).get("latencyNs").get("min").asLong())
                    .as(route + " ends when the response completes, ~100 ms after the handler returned")
                    .isGreaterThanOrEqualTo(100_000_000L);
        }
        assertThat(report.operation("GET /api/flaky").get("errors").asLong()).isEqualTo(failures);
        assertThat(report.operation("GET /api/flaky").get("http").get("status").get("5xx").asLong()).isEqualTo(failures);
        assertThat(report.operation("GET /api/slow").get("latencyNs").get("p50").asLong())
                .as("the request includes the service call it made")
                .isGreaterThan(report.operation(SHOP + "InventoryService#awaitSupplier").get("latencyNs").get("min").asLong());
    }

    /**
     * Patterns as broad as a framework's packages reach the launcher's class loader and its URL
     * handlers and connections, whose methods run on every class load (over a million calls during
     * one start): they stay untimed, said once per pattern on stderr, and the launcher's other
     * classes are timed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aBroadIncludeLeavesTheLaunchersClassLoadingUntimed(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("springboot-broad-" + jdk.major());
        Path out = work.resolve("out");
        SpringBootApp app = SpringBootApp.sampleShop(ForkedJvm.on(jdk)
                .withAgent("include=org.springframework.boot.loader.launch.**;org.springframework.boot.loader.net.**;"
                        + "com.example.shop.**Service#*,out=" + out), work);
        HttpProbe http = app.http();
        assertThat(http.get("/api/price/1")).isEqualTo(200);
        ForkedJvm.Result result = app.terminate();

        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).as(result.describe())
                .containsEntry(SHOP + "PricingService#computePrice", 1L)
                .containsKey("org.springframework.boot.loader.launch.Launcher#launch");
        assertThat(report.operationNames()).as("class loaders, URL handlers and connections, jar files")
                .noneMatch(name -> name.startsWith("org.springframework.boot.loader.")
                        && name.matches(".*(ClassLoader|Handler|UrlConnection|JarFile)#.*"));
        assertThat(result.sondeLines()).as("once per pattern that reaches them")
                .filteredOn(line -> line.contains("reaches class loading"))
                .hasSize(2)
                .anyMatch(line -> line.contains("include org.springframework.boot.loader.launch.** reaches class loading"
                        + " (org.springframework.boot.loader.launch."))
                .anyMatch(line -> line.contains("include org.springframework.boot.loader.net.** reaches class loading"));
    }
}
