package dev.sonde.cli;

import dev.sonde.config.AgentArguments;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import dev.sonde.config.Key;
import dev.sonde.control.AgentRequest;
import dev.sonde.control.PublishedProperties;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code attach <pid> [key=value,...]}: starts sonde in a running JVM, which then retransforms the
 * classes it has loaded already; or, where sonde runs, reconfigures it (the keys given replace
 * theirs, the others stay).
 */
final class AttachCommand implements Command {

    /** Dynamic agent loading prints a warning in the target from this version on (JEP 451). */
    private static final int WARNS_ABOUT_DYNAMIC_AGENTS = 21;

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String summary() {
        return "start sonde in a running JVM, or reconfigure the sonde running there";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar attach <pid> [key=value,...]",
                "",
                "Loads sonde into the JVM with that process id and times the methods the include patterns",
                "select, in classes loaded already and loaded later. Keys are those of the agent arguments",
                "(docs/configuration.md), e.g. include=com.acme.**Service#*,out=/var/tmp/sonde,interval=60s.",
                "If sonde already runs there, it is reconfigured: the keys given replace the running ones,",
                "the others keep their values; counts go on (nothing is timed twice).",
                "",
                "Exit status: 0 attached, 2 wrong usage or the JVM could not be attached to. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("which JVM? give its pid (java -jar sonde-agent.jar list shows them)");
        }
        String arguments = String.join(",", args.subList(1, args.size()));
        long pid = TargetJvm.parsePid(args.get(0));
        try {
            checkLocally(arguments, err);
            TargetJvm target = TargetJvm.at(args.get(0));
            Properties properties = target.systemProperties();
            TargetJvm.checkJavaVersion(pid, properties);
            boolean running = properties.getProperty(PublishedProperties.VERSION) != null;
            String reply = running
                    ? target.control(sonde -> sonde.reconfigure(arguments), AgentRequest.start(arguments))
                    : target.start(arguments, properties);
            out.println("sonde " + (running ? "in" : "attached to") + " JVM " + pid + ": " + reply);
            if (!running && javaFeature(properties) >= WARNS_ABOUT_DYNAMIC_AGENTS) {
                out.println("note: Java " + javaFeature(properties) + " prints a warning about a dynamically loaded agent"
                        + " in that JVM's output; -XX:+EnableDynamicAgentLoading at its start silences it");
            }
            return Main.OK;
        } catch (TargetException e) {
            err.println("sonde attach: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /**
     * Reads the arguments as the target will, so that a typo never reaches it. The target's own
     * system properties and environment are not known here; {@code config=} names a file on its side.
     */
    static void checkLocally(String arguments, PrintStream err) throws TargetException {
        try {
            Config config = new ConfigLoader(Map.of(), Map.of()).load(AgentArguments.without(arguments, Key.CONFIG));
            config.warnings().forEach(warning -> err.println("sonde attach: warning: " + warning));
        } catch (ConfigException e) {
            throw new TargetException("invalid configuration: " + e.getMessage() + " (nothing was sent to the JVM)");
        }
    }

    private static int javaFeature(Properties properties) {
        String version = properties.getProperty("java.specification.version", "0");
        try {
            return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
