package dev.sonde.cli;

import dev.sonde.config.ConfigException;
import dev.sonde.config.DurationText;
import dev.sonde.config.ProfilingConfig;
import dev.sonde.config.SlowCallRule;
import dev.sonde.control.PublishedProperties;
import dev.sonde.profile.ProfileFormat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code profile <pid> [--duration 30s] [--event cpu|wall|alloc|lock] [--format html|collapsed|jfr]
 * [--out FILE] [--slow "<operation>><threshold>"]}: the target profiles itself with async-profiler
 * through its sonde (started first, without method patterns, if it does not run there) and writes a
 * flame graph, and with {@code --slow} the slow, normal and diff graphs of the named operations.
 */
final class ProfileCommand implements Command {

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public String summary() {
        return "record a flame graph of a running JVM with async-profiler";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar profile <pid> [--duration 30s] [--event cpu|wall|alloc|lock]",
                "                                          [--format html|collapsed|jfr] [--out FILE]",
                "                                          [--slow \"<operation>><threshold>\"]",
                "",
                "The JVM profiles itself for the duration and writes the flame graph (an interactive HTML page by",
                "default); this command waits, then prints where it is. sonde is attached first if it does not run",
                "there yet. The profile is listed in the JVM's next reports (\"profiles\").",
                "",
                "  --duration D  how long to sample, e.g. 10s, 2m (default 30s)",
                "  --event E     cpu: where CPU time goes (default; falls back to itimer where perf events are",
                "                not permitted); wall: where threads spend wall-clock time, waiting included;",
                "                alloc: where memory is allocated; lock: where threads wait for locks",
                "  --format F    html (default), collapsed (one line per stack), jfr",
                "  --out FILE    where the JVM writes it (default: sonde-profile-<pid>-<time>-on-demand.<ext>",
                "                in sonde's out directory)",
                "  --slow R      also graph what the slow calls of an operation do: R is <operation>><threshold>,",
                "                the threshold a duration (50ms) or the operation's percentile when the profile",
                "                ends (p99); several separated by ';'. Writes, per operation, a flame graph of",
                "                its slow calls, one of its normal calls and their difference (default: the",
                "                JVM's profile.slow)",
                "",
                "Exit status: 0 written, 2 wrong usage, the JVM not reachable, or async-profiler unavailable there.",
                "Reference: docs/cli.md, docs/flame-graphs.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("duration", "event", "format", "out", "slow"));
        if (line.positionals().size() != 1) {
            throw new UsageException(line.positionals().isEmpty() ? "which JVM? give its pid" : "one pid at a time");
        }
        String event = EventOption.of(line).label();
        String format = line.option("format").orElse("html");
        if (ProfileFormat.named(format).isEmpty()) {
            throw new UsageException("--format is " + ProfilingConfig.choices(ProfilingConfig.FORMATS) + ", not '" + format + "'");
        }
        Duration duration = duration(line.option("duration"));
        String slow = slowCalls(line.option("slow"));
        Path given = FileArgument.out(line);
        Path file = given == null ? null : given.toAbsolutePath();
        try {
            if (file != null && Files.isDirectory(file)) {
                throw new TargetException("--out names the file to write, and " + file + " is a directory");
            }
            TargetJvm target = TargetJvm.at(line.positionals().get(0));
            Properties properties = target.systemProperties();
            TargetJvm.checkJavaVersion(target.pid(), properties);
            if (properties.getProperty(PublishedProperties.VERSION) == null) {
                out.println("sonde profile: starting sonde in JVM " + target.pid() + " first");
                target.start("", properties);
            }
            out.println("sonde profile: JVM " + target.pid() + " is profiling " + event + " for "
                    + DurationText.format(duration) + "...");
            String fileText = file == null ? "" : file.toString();
            String written;
            try (ControlConnection sonde = ControlConnection.open(target.pid())
                    .orElseThrow(() -> new TargetException("JVM " + target.pid()
                            + " offers no local JMX connector, which profile needs"))) {
                written = sonde.call("the profile request", duration.plus(JvmAnswer.REQUEST),
                        control -> slow.isEmpty() ? control.profile(event, duration.getSeconds(), format, fileText)
                                : control.profileSlowCalls(event, duration.getSeconds(), format, fileText, slow));
            }
            String[] lines = written.split("\n");
            out.println("sonde profile: flame graph written to " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out.println("  " + lines[i]);
            }
            return Main.OK;
        } catch (TargetException e) {
            err.println("sonde profile: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** The {@code --slow} rules as given, checked here so that a typo is a usage error, not the JVM's. */
    private static String slowCalls(Optional<String> text) throws UsageException {
        if (!text.isPresent()) {
            return "";
        }
        try {
            if (SlowCallRule.parseAll(List.of(text.get())).isEmpty()) {
                throw new UsageException("--slow names an operation and a threshold, e.g. \"GET /api/orders>50ms\"");
            }
        } catch (ConfigException e) {
            throw new UsageException("--slow: " + e.getMessage());
        }
        return text.get();
    }

    private static Duration duration(Optional<String> text) throws UsageException {
        if (!text.isPresent()) {
            return Duration.ofSeconds(30);
        }
        String value = text.get().trim();
        if (!value.matches("\\d{1,6}(s|m)")) {
            throw new UsageException("--duration is whole seconds or minutes, e.g. 30s or 2m, not '" + value + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        Duration duration = value.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        if (duration.isZero()) {
            throw new UsageException("--duration must be at least 1s");
        }
        return duration;
    }
}
