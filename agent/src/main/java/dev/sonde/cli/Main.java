package dev.sonde.cli;

import dev.sonde.control.AgentVersion;

import java.io.PrintStream;

/**
 * {@code java -jar sonde-agent.jar <command>}. Exit codes: 0 success, 2 wrong usage or bad input.
 * Commands arrive with their features; this version knows {@code help} and {@code --version}.
 */
public final class Main {

    static final int OK = 0;
    static final int USAGE = 2;

    private Main() {
    }

    /** Called by the jar's {@code Main-Class}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return USAGE;
        }
        switch (args[0]) {
            case "help":
            case "--help":
            case "-h":
                out.print(usage());
                return OK;
            case "--version":
            case "version":
                out.println("sonde " + AgentVersion.current());
                return OK;
            default:
                err.println("sonde: unknown command '" + args[0] + "'");
                err.print(usage());
                return USAGE;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar <command>",
                "",
                "  help         this text",
                "  --version    the agent version",
                "",
                "As an agent: java -javaagent:sonde-agent.jar=include=com.acme.**Service#*,out=/tmp/sonde -jar app.jar",
                "Configuration keys and patterns: docs/configuration.md",
                "");
    }
}
