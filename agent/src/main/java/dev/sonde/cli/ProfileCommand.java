package dev.sonde.cli;

import dev.sonde.config.DurationText;
import dev.sonde.control.AgentRequest;
import dev.sonde.control.PublishedProperties;

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
 * [--out FILE]}: the target profiles itself with async-profiler through its sonde (started first,
 * without method patterns, if it does not run there) and writes a flame graph.
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
                "",
                "Exit status: 0 written, 2 wrong usage, the JVM not reachable, or async-profiler unavailable there.",
                "Reference: docs/cli.md, docs/flame-graphs.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("duration", "event", "format", "out"));
        if (line.positionals().size() != 1) {
            throw new UsageException(line.positionals().isEmpty() ? "which JVM? give its pid" : "one pid at a time");
        }
        String event = line.option("event").orElse("cpu");
        String format = line.option("format").orElse("html");
        if (!List.of("cpu", "wall", "alloc", "lock", "itimer").contains(event)) {
            throw new UsageException("--event is cpu, wall, alloc, lock or itimer, not '" + event + "'");
        }
        if (!List.of("html", "collapsed", "jfr").contains(format)) {
            throw new UsageException("--format is html, collapsed or jfr, not '" + format + "'");
        }
        Duration duration = duration(line.option("duration"));
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
                target.send(AgentRequest.start(""));
            }
            out.println("sonde profile: JVM " + target.pid() + " is profiling " + event + " for "
                    + DurationText.format(duration) + "...");
            String fileText = file == null ? "" : file.toString();
            String written;
            try (ControlConnection sonde = ControlConnection.open(target.pid())
                    .orElseThrow(() -> new TargetException("JVM " + target.pid()
                            + " offers no local JMX connector, which profile needs"))) {
                written = sonde.call("the profile request", duration.plus(JvmAnswer.REQUEST),
                        control -> control.profile(event, duration.getSeconds(), format, fileText));
            }
            out.println("sonde profile: flame graph written to " + written);
            return Main.OK;
        } catch (TargetException e) {
            err.println("sonde profile: " + e.getMessage());
            return Main.USAGE;
        }
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
