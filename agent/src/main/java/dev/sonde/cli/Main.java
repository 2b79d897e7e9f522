package dev.sonde.cli;

import dev.sonde.control.AgentVersion;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar sonde-agent.jar <command>}. Exit codes: 0 success, 1 a finding the command
 * reports (e.g. a regression), 2 wrong usage or bad input. Never a stack trace.
 */
public final class Main {

    static final int OK = 0;
    static final int USAGE = 2;

    private Main() {
    }

    /** The commands, in the order {@code help} lists them. Each feature adds its own. */
    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.<Command>of(new AttachCommand(), new DumpCommand(), new DetachCommand(),
                new ListCommand(), new TopCommand(), new ProfileCommand(), new ReportCommand(), new DiffCommand(), new MergeCommand(),
                new ConvertCommand())) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    /** Called by the jar's {@code Main-Class}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0) {
            err.print(usage(commands));
            return USAGE;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (name) {
            case "help":
            case "--help":
            case "-h":
                return help(commands, rest, out, err);
            case "--version":
            case "version":
                out.println("sonde " + AgentVersion.current());
                return OK;
            default:
                Command command = commands.get(name);
                if (command == null) {
                    err.println("sonde: unknown command '" + name + "'");
                    err.print(usage(commands));
                    return USAGE;
                }
                return runCommand(command, rest, out, err);
        }
    }

    static int runCommand(Command command, List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(command.usage());
            return OK;
        }
        try {
            return command.run(args, out, err);
        } catch (BadInputException e) {
            err.println("sonde " + command.name() + ": " + e.getMessage());
            return USAGE;
        } catch (UsageException e) {
            err.println("sonde " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return USAGE;
        } catch (RuntimeException | Error e) {
            // A defect, or a library giving up (JLine's IOError): still one line, never a stack trace.
            err.println("sonde " + command.name() + ": failed: " + e);
            return USAGE;
        }
    }

    private static int help(Map<String, Command> commands, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.print(usage(commands));
            return OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("sonde: unknown command '" + args.get(0) + "'");
            return USAGE;
        }
        out.print(command.usage());
        return OK;
    }

    static String usage(Map<String, Command> commands) {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append("usage: java -jar sonde-agent.jar <command> [arguments]").append(nl).append(nl);
        for (Command command : commands.values()) {
            text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
        }
        text.append(String.format("  %-10s %s%n", "help", "this text; help <command> for one command"));
        text.append(String.format("  %-10s %s%n", "--version", "the agent version"));
        text.append(nl)
                .append("As an agent: java -javaagent:sonde-agent.jar=include=com.acme.**Service#*,out=/tmp/sonde -jar app.jar")
                .append(nl)
                .append("Configuration: docs/configuration.md   Commands: docs/cli.md").append(nl);
        return text.toString();
    }
}
