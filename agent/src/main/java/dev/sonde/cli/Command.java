package dev.sonde.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code java -jar sonde-agent.jar <command>}: parses its own arguments and returns an exit code. */
interface Command {

    /** The word that selects it, e.g. {@code report}. */
    String name();

    /** One line for the command list in {@code help}. */
    String summary();

    /** Its own usage text (printed by {@code help <command>} and on wrong usage). */
    String usage();

    /**
     * @return {@link Main#OK}, {@link Main#USAGE} for wrong usage or bad input, or a command-specific code
     * @throws UsageException for wrong usage; {@link Main} prints the message and the usage, exit 2
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
