package dev.sonde.cli;

import dev.sonde.control.AgentRequest;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;

/** {@code detach <pid>}: removes sonde's instrumentation from a JVM and writes the final report. */
final class DetachCommand implements Command {

    @Override
    public String name() {
        return "detach";
    }

    @Override
    public String summary() {
        return "remove sonde from a running JVM, keeping a final report";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar detach <pid>",
                "",
                "Retransforms the timed classes back to their original code, writes the final report",
                "(trigger: detach) and stops sonde's threads. A later attach starts a fresh recording.",
                "",
                "Exit status: 0 detached, 2 wrong usage, sonde not running or the JVM not reachable. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.size() != 1) {
            throw new UsageException(args.isEmpty() ? "which JVM? give its pid" : "one pid at a time");
        }
        try {
            TargetJvm target = TargetJvm.at(args.get(0));
            Properties properties = target.systemProperties();
            TargetJvm.requireSonde(target.pid(), properties);
            out.println("sonde in JVM " + target.pid() + ": " + target.control(sonde -> sonde.detach(), AgentRequest.detach()));
            return Main.OK;
        } catch (TargetException e) {
            err.println("sonde detach: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
