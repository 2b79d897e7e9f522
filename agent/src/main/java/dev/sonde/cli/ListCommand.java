package dev.sonde.cli;

import dev.sonde.control.PublishedProperties;
import dev.sonde.report.view.Table;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code list}: the JVMs of this user on this machine, and for each whether sonde runs in it and
 * what it times. sonde publishes that in system properties, read with one attach per JVM (in
 * parallel, each given {@link #ANSWER_SECONDS}); nothing is loaded into any JVM.
 */
final class ListCommand implements Command {

    static final long ANSWER_SECONDS = 5;

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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, jvms.size()), task -> {
            Thread thread = new Thread(task, "sonde-list");
            thread.setDaemon(true);
            return thread;
        });
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (LocalJvms.Listed jvm : jvms) {
            answers.add(CompletableFuture.supplyAsync(() -> sondeIn(jvm.pid), pool));
        }
        Table table = new Table().column("pid", Table.Align.RIGHT).column("main class", Table.Align.LEFT)
                .column("sonde", Table.Align.LEFT);
        for (int i = 0; i < jvms.size(); i++) {
            table.row(String.valueOf(jvms.get(i).pid), mainClass(jvms.get(i).command), await(answers.get(i)));
        }
        pool.shutdownNow();
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

    private static String await(CompletableFuture<String> answer) {
        try {
            return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "? (no answer within " + ANSWER_SECONDS + " s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        } catch (ExecutionException e) {
            return "? (" + e.getCause() + ")";
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
