package dev.sonde.cli;

import dev.sonde.report.view.OperationOrder;
import dev.sonde.report.view.TopFrame;
import dev.sonde.report.view.TopSettings;

import java.io.IOError;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code top <pid> [key=value,...] [--interval 2s] [--sort p99] [--once]}: the operations of a
 * running JVM over the last few seconds, refreshed in the terminal, sortable. Each window is the
 * difference of two cumulative reports ({@link TopSample}), so dumps, interval and final reports
 * see exactly what they would without it.
 */
final class TopCommand implements Command {

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(200);
    /** How long a JVM whose reading failed may take to exit, for the failure to be its exit. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String summary() {
        return "watch a running JVM's operations live: rates and percentiles of the last few seconds";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar top <pid> [key=value,...] [--interval 2s] [--sort "
                        + TopSettings.orderKeys() + "] [--once]",
                "",
                "Shows, every interval, what each operation did in the last interval: calls/s, errors, p50, p99,",
                "max, total, self time and bytes allocated per call, under a line about the JVM (uptime, CPU,",
                "heap after GC, GC time, threads). Keys: s next sort, r reverse, k kind, / filter, arrows and",
                "PgUp/PgDn scroll, q or Ctrl-C quit.",
                "If sonde does not run in that JVM, top attaches it with the keys given (none: HTTP routes only)",
                "and detaches it when it quits; if sonde runs, top only reads it and leaves it as it was.",
                "",
                "  --interval D  the window and refresh length (default 2s, at least 200ms)",
                "  --sort KEY    the first order (default p99)",
                "  --once        print one frame after one interval and exit (also when there is no terminal)",
                "",
                "Exit status: 0 done, 2 wrong usage, the JVM not reachable or the terminal lost. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = new ArrayList<>(args);
        boolean once = rest.removeIf(arg -> arg.equals("--once"));
        CommandLine line = CommandLine.parse(rest, Set.of("interval", "sort"));
        if (line.positionals().isEmpty()) {
            throw new UsageException("which JVM? give its pid (java -jar sonde-agent.jar list shows them)");
        }
        String pid = line.positionals().get(0);
        TargetJvm.parsePid(pid);
        Duration interval = interval(line.option("interval"));
        TopSettings settings = TopSettings.sortedBy(order(line.option("sort")));
        String keys = String.join(",", line.positionals().subList(1, line.positionals().size()));
        TopTarget target;
        try {
            target = TopTarget.open(pid, keys, err);
        } catch (TargetException e) {
            err.println("sonde top: " + e.getMessage());
            return Main.USAGE;
        }
        try (target) {
            return watch(target, settings, interval, once, out, err);
        }
    }

    private static Duration interval(Optional<String> text) throws UsageException {
        if (text.isEmpty()) {
            return DEFAULT_INTERVAL;
        }
        Duration interval = Duration.ofNanos(Quantity.nanos("interval", text.get()));
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new UsageException("--interval must be at least 200ms, not '" + text.get() + "'");
        }
        return interval;
    }

    private static OperationOrder order(Optional<String> text) throws UsageException {
        if (text.isEmpty()) {
            return OperationOrder.P99;
        }
        return TopSettings.order(text.get()).orElseThrow(() -> new UsageException("--sort takes one of "
                + TopSettings.orderKeys() + ", not '" + text.get() + "'"));
    }

    /**
     * Shows the windows, then leaves sonde as top found it; a JVM that exits meanwhile ends it quietly.
     * Top ended by a signal (its terminal closed, SIGINT, SIGTERM) leaves sonde as well, from a shutdown hook.
     */
    private static int watch(TopTarget target, TopSettings settings, Duration interval, boolean once, PrintStream out,
                             PrintStream err) {
        Thread leaveOnExit = new Thread(() -> leaveSaying(target, err), "sonde-top-leave");
        Runtime.getRuntime().addShutdownHook(leaveOnExit);
        try {
            int code = once ? printOnce(target, settings, interval, out) : showLive(target, settings, interval, out, err);
            out.println("sonde top: " + target.leave());
            return code;
        } catch (TargetException e) {
            if (target.exitsWithin(EXIT_WAIT)) {
                out.println("sonde top: JVM " + target.pid() + " has exited");
                return Main.OK;
            }
            err.println("sonde top: " + e.getMessage());
            leaveSaying(target, err);
            return Main.USAGE;
        } finally {
            forget(leaveOnExit);
        }
    }

    private static void forget(Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs, and finds sonde already left.
        }
    }

    private static int showLive(TopTarget target, TopSettings settings, Duration interval, PrintStream out,
                                PrintStream err) throws TargetException {
        Optional<LiveTopScreen> screen;
        try {
            screen = LiveTopScreen.open();
        } catch (IOException | IOError e) {
            screen = Optional.empty();
        }
        if (screen.isEmpty()) {
            return printOnce(target, settings, interval, out);
        }
        try (LiveTopScreen live = screen.get()) {
            return live.run(target, settings, interval);
        } catch (IOException | IOError e) {
            // JLine's IOError: the terminal closed or could not be read; sonde is still left as it was found.
            err.println("sonde top: lost the terminal: " + ControlConnection.rootCause(e));
            return Main.USAGE;
        }
    }

    /** One plain frame of one window: for {@code --once}, pipes and CI. */
    private static int printOnce(TopTarget target, TopSettings settings, Duration interval, PrintStream out)
            throws TargetException {
        TopSample first = target.sample();
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TopFrame frame = target.sample().frameSince(first, target.pid(), settings, List.of());
        frame.lines().forEach(out::println);
        return Main.OK;
    }

    /** Leaves sonde as top found it, saying on {@code err} what became of it. */
    private static void leaveSaying(TopTarget target, PrintStream err) {
        try {
            err.println("sonde top: " + target.leave());
        } catch (TargetException e) {
            err.println("sonde top: " + e.getMessage());
        }
    }
}
