package dev.sonde.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into positional arguments and {@code --name value} (or
 * {@code --name=value}) options. Options may come anywhere; a repeated option keeps its last value;
 * {@code --} ends the options. An option the command does not take, or one without its value, is a
 * {@link UsageException}.
 */
final class CommandLine {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private CommandLine() {
    }

    /** @param valued the options the command takes, without the leading {@code --} */
    static CommandLine parse(List<String> args, Set<String> valued) throws UsageException {
        CommandLine line = new CommandLine();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                line.positionals.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else {
                String name = arg.replaceFirst("^--?", "");
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (!valued.contains(name)) {
                    throw new UsageException("unknown option " + arg);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                line.options.put(name, value);
            }
        }
        return line;
    }

    List<String> positionals() {
        return positionals;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
