package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code top} against the sample shop under load, on each JDK: in a real terminal (tmux) where it
 * attaches sonde and detaches it on {@code q}, and as one plain frame ({@code --once}) where sonde
 * already runs and must be left exactly as it was.
 */
class TopIT {

    private static final String PRICE_ROUTE = "GET /api/price/{id}";
    private static final Duration FRAME_LIMIT = Duration.ofSeconds(40);

    static List<Jdks.Jdk> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void inATerminalTopAttachesRefreshesSortsOnSAndDetachesOnQ(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("top-live-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        try (SampleShop shop = SampleShop.start(ForkedJvm.on(jdk), work.resolve("shop"));
             Load load = Load.on(shop);
             TmuxSession terminal = TmuxSession.start("top", 100, 30, work, jdk.java() + " -jar " + TestPaths.agentJar()
                     + " top " + shop.pid() + " --interval 1s; echo $? > top-exit-code")) {
            Poll.until(FRAME_LIMIT, "a frame with the price route", () -> terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);
            String first = table(terminal.capture());
            assertThat(first).contains("p99", "calls/s", "by p99 latency, highest first");
            Poll.until(Duration.ofSeconds(10), "the next refresh", () -> !table(terminal.capture()).equals(first),
                    terminal::capture);

            terminal.sendKeys("s");
            Poll.until(Duration.ofSeconds(5), "the order to change", () -> terminal.capture().contains("by total time"),
                    terminal::capture);
            Files.writeString(work.resolve("frame.txt"), terminal.capture() + "\n");

            terminal.sendKeys("q");
            Path exitCode = work.resolve("top-exit-code");
            Poll.until(Duration.ofSeconds(30), "top to quit", () -> Files.exists(exitCode) && Files.size(exitCode) > 0,
                    terminal::capture);
            assertThat(Files.readString(exitCode).trim()).isEqualTo("0");
            assertThat(listLine(sonde, shop.pid())).as("top attached sonde, so it detached it").endsWith(" -");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void whereSondeRunsTopOncePrintsOnePlainFrameAndLeavesItsConfigurationAndTotalsAsTheyWere(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("top-once-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        ForkedJvm withSonde = ForkedJvm.on(jdk).withAgent("include=com.example.shop.**Service#*,out=" + work.resolve("out"));
        try (SampleShop shop = SampleShop.start(withSonde, work.resolve("shop")); Load load = Load.on(shop)) {
            long pid = shop.pid();
            Poll.until(FRAME_LIMIT, "load to reach the shop", () -> load.requests() > 10, shop::exceptionsLogged);
            String configuration = listLine(sonde, pid);
            assertThat(sonde.run("dump", pid, "--out", work.resolve("before.json")).exitCode()).isZero();

            ForkedJvm.Result top = sonde.run("top", pid, "--once", "--interval", "1s");

            assertThat(top.exitCode()).as(top.describe()).isZero();
            assertThat(top.stderr()).as(top.describe()).isEmpty();
            List<String> lines = top.stdout().lines().collect(Collectors.toList());
            assertThat(lines.get(0)).startsWith("sonde top · JVM " + pid);
            assertThat(lines.get(2)).startsWith("last ").contains("by p99 latency");
            assertThat(top.stdout()).contains("calls/s", PRICE_ROUTE, "com.example.shop.PricingService#computePrice");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("sonde top: sonde goes on in JVM " + pid + " as it was");

            ForkedJvm.Result withKeys = sonde.run("top", pid, "include=com.acme.**", "--once");
            assertThat(withKeys.exitCode()).isEqualTo(2);
            assertThat(withKeys.stderr()).startsWith("sonde top: sonde already runs in JVM " + pid).hasLineCount(1);

            assertThat(listLine(sonde, pid)).as("the same configuration").isEqualTo(configuration);
            assertThat(sonde.run("dump", pid, "--out", work.resolve("after.json")).exitCode()).isZero();
            ReportFile before = ReportFile.read(work.resolve("before.json"));
            ReportFile after = ReportFile.read(work.resolve("after.json"));
            assertThat(after.root().get("window").get("start")).as("no window was started by top")
                    .isEqualTo(before.root().get("window").get("start"));
            assertThat(after.counts().get(PRICE_ROUTE)).as("totals go on").isGreaterThan(before.counts().get(PRICE_ROUTE));
        }
    }

    /** The frame without its first header line (whose uptime changes every second). */
    private static String table(String screen) {
        return screen.lines().skip(1).collect(Collectors.joining("\n"));
    }

    private static String listLine(SondeCli sonde, long pid) throws Exception {
        ForkedJvm.Result list = sonde.run("list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        return list.stdout().lines().filter(line -> line.trim().startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + pid + "\n" + list.describe())).trim();
    }

    /** Requests to a slow route and a failing one, on a thread of its own, until closed. */
    private static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        private final Thread thread;

        private Load(SampleShop shop) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        shop.http().get("/api/price/" + requests.get() % 7);
                        shop.http().get("/api/flaky");
                        requests.addAndGet(2);
                    } catch (Exception e) {
                        // The shop is going away at the end of the test.
                    }
                }
            }, "top-it-load");
            thread.setDaemon(true);
            thread.start();
        }

        static Load on(SampleShop shop) {
            return new Load(shop);
        }

        long requests() {
            return requests.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
