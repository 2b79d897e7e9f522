package dev.sonde.cli;

import dev.sonde.control.PublishedProperties;
import dev.sonde.report.view.Table;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code list}: the JVMs of this user on this machine, and for each whether sonde runs in it and
 * what it times. sonde publishes that in system properties, read with one attach per JVM (in
 * parallel, each given {@link #ANSWER}); nothing is loaded into any JVM.
 */
final class ListCommand implements Command {

    static final Duration ANSWER = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the JVMs on this machine and which of them run sonde";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar list",
                "",
                "Lists the JVMs of this user (the attach API shows no others, nor JVMs started with",
                "-XX:+DisableAttachMechanism or -XX:-UsePerfData) with their main class, and for each",
                "whether sonde runs in it, its version and include patterns.",
                "",
                "Exit status: 0, or 2 where this Java has no attach support. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("list takes no arguments");
        }
        try {
            TargetJvm.requireAttachSupport();
        } catch (TargetException e) {
            err.println("sonde list: " + e.getMessage());
            return Main.USAGE;
        }
        long self = ProcessHandle.current().pid();
        List<LocalJvms.Listed> jvms = new ArrayList<>();
        LocalJvms.list().stream().filter(jvm -> jvm.pid != self).forEach(jvms::add);
        if (jvms.isEmpty()) {
            out.println("no JVMs of user " + System.getProperty("user.name") + " found");
            return Main.OK;
        }
        List<JvmAnswer<String>> answers = new ArrayList<>();
        for (LocalJvms.Listed jvm : jvms) {
            answers.add(JvmAnswer.ask(jvm.pid, "whether sonde runs there", () -> sondeIn(jvm.pid)));
        }
        Table table = new Table().column("pid", Table.Align.RIGHT).column("main class", Table.Align.LEFT)
                .column("sonde", Table.Align.LEFT);
        for (int i = 0; i < jvms.size(); i++) {
            table.row(String.valueOf(jvms.get(i).pid), mainClass(jvms.get(i).command), await(answers.get(i)));
        }
        out.print(table.toText(""));
        return Main.OK;
    }

    private static String sondeIn(long pid) {
        try {
            Properties properties = LocalJvms.systemProperties(pid);
            String version = properties.getProperty(PublishedProperties.VERSION);
            if (version == null) {
                return "-";
            }
            String include = properties.getProperty(PublishedProperties.INCLUDE, "");
            return version + ": " + (include.isEmpty() ? "(nothing included)" : "include=" + include);
        } catch (Exception e) {
            return "? (" + AttachFailure.describe(e, pid) + ")";
        }
    }

    private static String await(JvmAnswer<String> answer) {
        try {
            return answer.within(ANSWER).orElse("? (no answer within " + ANSWER.getSeconds() + " s)");
        } catch (TargetException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    /** The first word of the JVM's command line: a main class, or a jar. */
    static String mainClass(String command) {
        String trimmed = command == null ? "" : command.trim();
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        return first.isEmpty() ? "?" : first;
    }
}
