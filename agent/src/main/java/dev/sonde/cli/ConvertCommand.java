package dev.sonde.cli;

import dev.sonde.profile.ProfileEvent;
import dev.sonde.profile.ProfileFormat;
import dev.sonde.profile.RecordedProfile;
import dev.sonde.report.WriteProblem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code convert RECORDING.jfr --out FILE [--event E]}: the flame graph of a JFR recording that sonde
 * listed instead of its graph (a conversion the shutdown's bound cut off), or of a {@code jfr} profile.
 * async-profiler's converter runs inside the agent jar, hidden from applications, so
 * {@code java -cp sonde-agent.jar} cannot reach it.
 */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "make the flame graph of a profile's JFR recording";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar convert RECORDING.jfr --out FILE [--event cpu|wall|alloc|lock|itimer]",
                "",
                "Makes the flame graph of a JFR recording written by sonde's profiles (the one a report",
                "lists when a profile was not converted in time, or a profile.format=jfr file).",
                "",
                "  --out FILE     the flame graph: FILE.html (interactive) or FILE.collapsed (folded stacks);",
                "                 written atomically",
                "  --event E      which samples to draw (default cpu): cpu (itimer is the same), wall, alloc",
                "                 or lock; the line that listed the recording names the profile's event",
                "",
                "Exit status: 0 written, 2 wrong usage, unreadable recording or unwritable FILE. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("out", "event"));
        if (line.positionals().size() != 1) {
            throw new UsageException(line.positionals().isEmpty() ? "which recording? give one RECORDING.jfr"
                    : "one recording at a time, not " + line.positionals().size());
        }
        Path recording = FileArgument.of(line.positionals().get(0));
        Path target = FileArgument.out(line);
        if (target == null) {
            throw new UsageException("--out FILE is required (FILE.html or FILE.collapsed)");
        }
        ProfileFormat format = formatOf(target);
        ProfileEvent event = EventOption.of(line);
        if (!Files.isRegularFile(recording)) {
            throw new BadInputException(recording + ": no such file");
        }
        try {
            RecordedProfile.convert(recording, event, format, target);
        } catch (IOException | RuntimeException e) {
            if (!isUnwritable(target)) {
                throw new BadInputException(recording + " is not a recording async-profiler's converter can read: "
                        + describe(e));
            }
            throw new BadInputException("cannot write " + target + ": "
                    + (e instanceof IOException ? WriteProblem.describe(target, (IOException) e) : describe(e)));
        }
        out.println("sonde convert: wrote " + target.toAbsolutePath() + " (" + event.label() + " samples of " + recording + ")");
        return Main.OK;
    }

    /** The format named by the file's extension: html or collapsed. */
    private static ProfileFormat formatOf(Path target) throws UsageException {
        String name = target.getFileName().toString();
        return ProfileFormat.named(name.substring(name.lastIndexOf('.') + 1)).filter(format -> format != ProfileFormat.JFR)
                .orElseThrow(() -> new UsageException("--out " + target
                        + ": name it FILE.html or FILE.collapsed, the format follows the name"));
    }

    /** Whether the failure is the target's: its directory missing or not writable. */
    private static boolean isUnwritable(Path target) {
        Path directory = target.toAbsolutePath().getParent();
        return directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)
                || Files.isDirectory(target);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
