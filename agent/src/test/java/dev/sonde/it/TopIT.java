package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code top} against the sample shop under load, on each JDK: in a real terminal (tmux) where it
 * attaches sonde, answers its keys and a resize, and detaches sonde on {@code q} or Ctrl-C; where
 * sonde already runs (with an interval series), as one plain frame ({@code --once}) that leaves it
 * exactly as it was, and live until the shop exits under it; and against a JVM that refuses attach.
 */
class TopIT {

    private static final String PRICE_ROUTE = "GET /api/price/{id}";
    private static final Duration FRAME_LIMIT = Duration.ofSeconds(40);
    /** A key press or a resize is answered within a tenth of a second; generous for a busy machine. */
    private static final Duration KEY_LIMIT = Duration.ofSeconds(5);
    private static final String KEYS_LINE = "s sort · r reverse · k kind · / filter · arrows PgUp PgDn scroll · q quit";

    /**
     * One shop without sonde for four runs of {@code top}, each attaching sonde: one quit with
     * {@code q}, one driven by every other key, resized and quit with Ctrl-C, one ended by
     * {@code kill -INT}, and one whose terminal is closed under it (SIGHUP), as when an ssh
     * connection drops.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void inATerminalTopAnswersItsKeysAndResizesAndQuitsOnQOrCtrlCRestoringTheTerminalAndDetachingSonde(Jdks.Jdk jdk)
            throws Exception {
        Path work = TestPaths.workDirectory("top-live-" + jdk.major());
        SondeCli sonde = new SondeCli(jdk, work);
        try (SpringBootApp shop = SpringBootApp.sampleShop(ForkedJvm.on(jdk), work.resolve("shop")); Load load = Load.on(shop)) {
            refreshesSortsOnSAndDetachesOnQ(jdk, work, sonde, shop);
            answersEveryKeyRedrawsOnResizeAndQuitsOnCtrlCRestoringTheTerminal(jdk, work, sonde, shop);
            quitsOnSigintFromOutside(jdk, work, sonde, shop);
            detachesSondeWhenItsTerminalCloses(jdk, work, sonde, shop);
        }
    }

    private static void refreshesSortsOnSAndDetachesOnQ(Jdks.Jdk jdk, Path work, SondeCli sonde, SpringBootApp shop)
            throws Exception {
        try (TmuxSession terminal = TmuxSession.start("top", 100, 30, work, jdk.java() + " -jar " + TestPaths.agentJar()
                + " top " + shop.pid() + " --interval 1s 2> q-stderr; echo $? > q-exit-code")) {
            Poll.until(FRAME_LIMIT, "a frame with the price route", () -> terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);
            String first = table(terminal.capture());
            assertThat(first).contains("p99", "calls/s", "by p99 latency, highest first");
            assertThat(terminal.capture().lines().findFirst().orElse("")).as("drawn from the top row")
                    .startsWith("sonde top · JVM " + shop.pid());
            Poll.until(Duration.ofSeconds(10), "the next refresh", () -> !table(terminal.capture()).equals(first),
                    terminal::capture);

            terminal.sendKeys("s");
            Poll.until(KEY_LIMIT, "the order to change", () -> terminal.capture().contains("by total time"),
                    terminal::capture);
            Files.writeString(work.resolve("frame.txt"), terminal.capture() + "\n");

            terminal.sendKeys("q");
            awaitQuietExit(terminal, work, "q", "q");
            assertThat(listLine(sonde, shop.pid())).as("top attached sonde, so it detached it").endsWith(" -");
        }
    }

    private static void answersEveryKeyRedrawsOnResizeAndQuitsOnCtrlCRestoringTheTerminal(Jdks.Jdk jdk, Path work,
            SondeCli sonde, SpringBootApp shop) throws Exception {
        // bash, whatever tmux's shell: it goes on after a command that handled Ctrl-C itself, where dash ends.
        String script = "echo before top; stty -g > stty-before; " + jdk.java() + " -jar " + TestPaths.agentJar()
                + " top " + shop.pid() + " \"include=com.example.shop.**\" --interval 1s 2> keys-stderr; code=$?;"
                + " stty -g > stty-after; echo top exited $code; echo $code > keys-exit-code; read line";
        try (TmuxSession terminal = TmuxSession.start("top-keys", 100, 30, work, "exec bash -c '" + script + "'")) {
            Poll.until(FRAME_LIMIT, "a frame with routes and methods", () -> rows(terminal.capture()).stream()
                    .anyMatch(row -> row.endsWith("#computePrice")) && terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);

            terminal.sendKeys("r");
            awaitHeading(terminal, "by p99 latency, lowest first");
            terminal.sendKeys("k");
            awaitRows(terminal, "kind http", row -> row.contains(" GET /api/"));
            terminal.sendKeys("k");
            awaitRows(terminal, "kind method", row -> row.contains("#"));
            terminal.sendKeys("k");
            awaitRows(terminal, "kind all", row -> true);

            terminal.sendKeys("/");
            terminal.sendKeys("-l", "flaky");
            Poll.until(KEY_LIMIT, "the filter being typed", () -> lastLine(terminal.capture())
                    .equals("filter (Enter applies, Esc cancels): flaky_"), terminal::capture);
            terminal.sendKeys("Enter");
            awaitRows(terminal, "filter \"flaky\"", row -> row.toLowerCase(Locale.ROOT).contains("flaky"));
            assertThat(lastLine(terminal.capture())).isEqualTo(KEYS_LINE);
            terminal.sendKeys("/");
            terminal.sendKeys("-l", "price");
            Poll.until(KEY_LIMIT, "the other filter being typed", () -> lastLine(terminal.capture()).endsWith("price_"),
                    terminal::capture);
            terminal.sendKeys("Escape");
            Poll.until(KEY_LIMIT, "Esc to cancel the typing", () -> lastLine(terminal.capture()).equals(KEYS_LINE),
                    terminal::capture);
            assertThat(heading(terminal.capture())).as("Esc keeps the filter applied before").contains("filter \"flaky\"");
            terminal.sendKeys("/");
            terminal.sendKeys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "Enter");
            Poll.until(KEY_LIMIT, "the filter to be cleared", () -> !heading(terminal.capture()).contains("filter")
                    && rows(terminal.capture()).size() >= 6, terminal::capture);

            // Ten rows: two header lines, the heading, a blank and the column names, three operations,
            // a blank and the keys.
            terminal.resize(100, 10);
            Poll.until(KEY_LIMIT, "the frame redrawn for 10 rows", () -> {
                List<String> screen = terminal.capture().lines().collect(Collectors.toList());
                return screen.size() == 10 && screen.get(0).startsWith("sonde top · JVM " + shop.pid())
                        && shown(terminal.capture()).equals("1-3") && screen.get(9).equals(KEYS_LINE);
            }, terminal::capture);
            int operations = operationsShown(terminal.capture());
            assertThat(operations).as("more operations than rows, to scroll").isGreaterThanOrEqualTo(6);
            terminal.sendKeys("Down");
            awaitShown(terminal, "2-4");
            terminal.sendKeys("NPage");
            awaitShown(terminal, "4-6");
            terminal.sendKeys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down");
            // The rows are the operations called in the last window; one that missed a window for a
            // frame made the bottom nearer, and the scroll stays where it stopped: one more Down
            // (a no-op at the bottom) now and then reaches the bottom again.
            long[] nextDown = {System.nanoTime()};
            Poll.until(KEY_LIMIT, "the last rows", () -> {
                String screen = terminal.capture();
                if (shown(screen).equals((operationsShown(screen) - 2) + "-" + operationsShown(screen))) {
                    return true;
                }
                if (System.nanoTime() - nextDown[0] > 0) {
                    terminal.sendKeys("Down");
                    nextDown[0] = System.nanoTime() + 1_000_000_000L;
                }
                return false;
            }, terminal::capture);
            terminal.sendKeys("PPage");
            Poll.until(KEY_LIMIT, "a page up from the bottom, at once", () -> shown(terminal.capture())
                    .equals((operationsShown(terminal.capture()) - 4) + "-" + (operationsShown(terminal.capture()) - 2)),
                    terminal::capture);
            terminal.sendKeys("Up", "Up", "Up", "Up", "Up", "Up");
            awaitShown(terminal, "1-3");
            terminal.resize(100, 30);
            Poll.until(KEY_LIMIT, "the frame redrawn for 30 rows", () -> shown(terminal.capture()).isEmpty()
                    && terminal.capture().lines().findFirst().orElse("").startsWith("sonde top · JVM "), terminal::capture);

            // Ctrl-C in the middle of a burst of keys: top once ran stty for each key, and a Ctrl-C
            // that reached the terminal as SIGINT killed it, and top with it, most times.
            for (int key = 0; key < 40; key++) {
                terminal.sendKeys("s");
            }
            terminal.sendKeys("C-c");
            awaitQuietExit(terminal, work, "keys", "Ctrl-C");
            assertThat(Files.readString(work.resolve("stty-after"))).as("the terminal's modes restored")
                    .isEqualTo(Files.readString(work.resolve("stty-before")));
            Poll.until(KEY_LIMIT, "the shell's screen back", () -> terminal.capture().contains("top exited 0"),
                    terminal::capture);
            assertThat(terminal.capture()).as("the main screen, not the frame").startsWith("before top")
                    .contains("sonde top: detached sonde from JVM " + shop.pid()).doesNotContain("calls/s");
            assertThat(listLine(sonde, shop.pid())).as("top attached sonde, so it detached it").endsWith(" -");
        }
    }

    private static void quitsOnSigintFromOutside(Jdks.Jdk jdk, Path work, SondeCli sonde, SpringBootApp shop)
            throws Exception {
        // The inner shell becomes top's JVM (exec), so top-pid is the JVM's pid; the outer one keeps its exit code.
        Files.writeString(work.resolve("int.sh"), "echo $$ > top-pid; exec " + jdk.java() + " -jar " + TestPaths.agentJar()
                + " top " + shop.pid() + " --interval 1s\n");
        try (TmuxSession terminal = TmuxSession.start("top-int", 100, 30, work,
                "bash int.sh 2> int-stderr; echo $? > int-exit-code; read line")) {
            Poll.until(FRAME_LIMIT, "a frame with the price route", () -> terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);
            String topPid = Files.readString(work.resolve("top-pid")).trim();
            assertThat(new ProcessBuilder("kill", "-INT", topPid).start().waitFor()).isZero();
            awaitQuietExit(terminal, work, "int", "SIGINT");
            assertThat(listLine(sonde, shop.pid())).as("top attached sonde, so it detached it").endsWith(" -");
        }
    }

    /** Waits for top to end on {@code how}; its script wrote the exit code to {@code <name>-exit-code} and stderr to {@code <name>-stderr}. */
    private static void awaitQuietExit(TmuxSession terminal, Path work, String name, String how) throws Exception {
        Path exitCode = work.resolve(name + "-exit-code");
        Poll.until(Duration.ofSeconds(30), "top to quit on " + how, () -> Files.exists(exitCode) && Files.size(exitCode) > 0,
                terminal::capture);
        String stderr = Files.readString(work.resolve(name + "-stderr"));
        assertThat(Files.readString(exitCode).trim()).as(stderr).isEqualTo("0");
        assertThat(stderr).as("nothing on stderr").isEmpty();
    }

    private static void detachesSondeWhenItsTerminalCloses(Jdks.Jdk jdk, Path work, SondeCli sonde, SpringBootApp shop)
            throws Exception {
        String script = jdk.java() + " -jar " + TestPaths.agentJar() + " top " + shop.pid() + " --interval 1s 2> hup-stderr";
        try (TmuxSession terminal = TmuxSession.start("top-hup", 100, 30, work, script)) {
            Poll.until(FRAME_LIMIT, "a frame with the price route", () -> terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);
            assertThat(listLine(sonde, shop.pid())).as("top attached sonde").doesNotEndWith(" -");
        }
        Path stderr = work.resolve("hup-stderr");
        Poll.until(Duration.ofSeconds(30), "sonde detached after the terminal closed",
                () -> listLine(sonde, shop.pid()).endsWith(" -"), () -> Files.readString(stderr));
        // Which goes first, the hangup's shutdown hook or the main thread finding the terminal gone, varies.
        assertThat(Files.readString(stderr)).as("one-line messages only").doesNotContain("\tat ", "Exception in thread");
    }

    private static void saysInOneLineThatTheJvmExited(Jdks.Jdk jdk, Path work, SpringBootApp shop, Load load)
            throws Exception {
        String script = jdk.java() + " -jar " + TestPaths.agentJar() + " top " + shop.pid()
                + " --interval 1s 2> exit-stderr; echo $? > exit-exit-code; read line";
        try (TmuxSession terminal = TmuxSession.start("top-exit", 100, 30, work, "exec bash -c '" + script + "'")) {
            Poll.until(FRAME_LIMIT, "a frame with the price route", () -> terminal.capture().contains(PRICE_ROUTE),
                    terminal::capture);

            load.close();
            shop.close();

            Path exitCode = work.resolve("exit-exit-code");
            Poll.until(Duration.ofSeconds(30), "top to end", () -> Files.exists(exitCode) && Files.size(exitCode) > 0,
                    terminal::capture);
            assertThat(Files.readString(exitCode).trim()).isEqualTo("0");
            assertThat(Files.readString(work.resolve("exit-stderr"))).as("no stack trace").isEmpty();
            assertThat(terminal.capture().lines().filter(line -> !line.isBlank()))
                    .containsExactly("sonde top: JVM " + shop.pid() + " has exited");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void whereSondeRunsTopLeavesItsConfigurationTotalsAndIntervalSeriesAsTheyWereAndEndsInOneLineWhenTheJvmExits(
            Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("top-once-" + jdk.major());
        Path out = work.resolve("out");
        SondeCli sonde = new SondeCli(jdk, work);
        ForkedJvm withSonde = ForkedJvm.on(jdk).withAgent("include=com.example.shop.**Service#*,interval=1s,out=" + out);
        try (SpringBootApp shop = SpringBootApp.sampleShop(withSonde, work.resolve("shop")); Load load = Load.on(shop)) {
            long pid = shop.pid();
            Poll.until(FRAME_LIMIT, "load to reach the shop and two interval reports",
                    () -> load.requests() > 10 && IntervalReportsIT.intervalReports(out).size() >= 2, shop::exceptionsLogged);
            String configuration = listLine(sonde, pid);
            assertThat(sonde.run("dump", pid, "--out", work.resolve("before.json")).exitCode()).isZero();
            String hlogBefore = completeLines(hlog(out));

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

            int afterTop = IntervalReportsIT.intervalReports(out).size();
            Poll.until(Duration.ofSeconds(10), "two more interval reports",
                    () -> IntervalReportsIT.intervalReports(out).size() >= afterTop + 2, shop::exceptionsLogged);
            WindowSchedule.assertFollowed(IntervalReportsIT.intervalReports(out), Duration.ofSeconds(1), Duration.ofSeconds(3));
            String hlogAfter = completeLines(hlog(out));
            assertThat(hlogAfter).as("the .hlog goes on from where it was").startsWith(hlogBefore)
                    .isNotEqualTo(hlogBefore);

            saysInOneLineThatTheJvmExited(jdk, work, shop, load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void aJvmThatRefusesAttachRequestsIsTheSameOneLineAsForAttachWithExitTwo(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("top-noattach-" + jdk.major());
        try (LongRunningService app = LongRunningService.start(
                ForkedJvm.on(jdk).jvmOption("-XX:+DisableAttachMechanism"), work.resolve("app"))) {
            SondeCli sonde = new SondeCli(jdk, work);
            String refused = "JVM " + app.pid() + " does not accept attach requests: it was started with -XX:+DisableAttachMechanism";
            assertThat(sonde.run("attach", app.pid()).stderr()).isEqualTo("sonde attach: " + refused + "\n");

            ForkedJvm.Result top = sonde.run("top", app.pid(), "--once");

            assertThat(top.exitCode()).as(top.describe()).isEqualTo(2);
            assertThat(top.stderr()).as(top.describe()).isEqualTo("sonde top: " + refused + "\n");
            assertThat(top.stdout()).as(top.describe()).isEmpty();
            app.burst();
            ForkedJvm.Result end = app.stop();
            assertThat(end.exitCode()).isZero();
            assertThat(end.stderr()).isEmpty();
        }
    }

    private static Path hlog(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().endsWith(".hlog")).collect(Collectors.toList());
            assertThat(logs).as("one .hlog").hasSize(1);
            return logs.get(0);
        }
    }

    /** The file up to its last line break: a line being written is left out. */
    private static String completeLines(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf('\n') + 1);
    }

    private static void awaitHeading(TmuxSession terminal, String text) throws Exception {
        Poll.until(KEY_LIMIT, "a heading with " + text, () -> heading(terminal.capture()).contains(text), terminal::capture);
    }

    /** Waits for a frame whose heading says {@code text} and whose rows all match {@code row}. */
    private static void awaitRows(TmuxSession terminal, String text, Predicate<String> row) throws Exception {
        Poll.until(KEY_LIMIT, "rows under a heading with " + text, () -> {
            String screen = terminal.capture();
            return heading(screen).contains(text) && !rows(screen).isEmpty() && rows(screen).stream().allMatch(row);
        }, terminal::capture);
    }

    private static void awaitShown(TmuxSession terminal, String range) throws Exception {
        Poll.until(KEY_LIMIT, "rows " + range + " shown", () -> shown(terminal.capture()).equals(range), terminal::capture);
    }

    /** The line about the window: {@code last 1.0 s · 7 of 7 operations · by ...}. */
    private static String heading(String screen) {
        return screen.lines().filter(line -> line.startsWith("last ")).findFirst().orElse("");
    }

    /** {@code 2-4} of {@code (2-4 shown)} in the heading; empty when all rows are shown. */
    private static String shown(String screen) {
        Matcher matcher = Pattern.compile("\\((\\d+-\\d+) shown\\)").matcher(heading(screen));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** {@code 7} of {@code 7 of 9 operations}: how many the kind and filter show. */
    private static int operationsShown(String screen) {
        Matcher matcher = Pattern.compile("· (\\d+) of \\d+ operations").matcher(heading(screen));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The operation rows: the lines between the column names and the next blank line. */
    private static List<String> rows(String screen) {
        List<String> lines = screen.lines().collect(Collectors.toList());
        int names = lines.indexOf(lines.stream().filter(line -> line.startsWith("calls/s")).findFirst().orElse(""));
        if (names < 0) {
            return List.of();
        }
        return lines.subList(names + 1, lines.size()).stream().takeWhile(line -> !line.isBlank())
                .collect(Collectors.toList());
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().collect(Collectors.toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
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

        private Load(SpringBootApp shop) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        shop.http().get("/api/price/" + requests.get() % 7);
                        shop.http().get("/api/flaky");
                        shop.http().get("/api/ping");
                        requests.addAndGet(3);
                    } catch (Exception e) {
                        // The shop is going away at the end of the test.
                    }
                }
            }, "top-it-load");
            thread.setDaemon(true);
            thread.start();
        }

        static Load on(SpringBootApp shop) {
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
